# Profiles keep goals, conditions, medicines and times for the plan engine.
$ mgtrack init --age 45 --sex female --goal sleep,stress --condition low-blood-pressure --med levothyroxine@07:00 --med Ciprofloxacin@08:00,20:00 --wake 06:30 --bed 22:45 --gi-sensitive
$ mgtrack profile show --json
~ "goals": \[
~ "sleep"
~ "stress"
~ "low-blood-pressure"
~ "name": "ciprofloxacin"
~ "08:00"
~ "20:00"
~ "wake": "06:30"
~ "bed": "22:45"
~ "gi_sensitive": true
$ mgtrack profile set --goal energy --no-med levothyroxine --no-condition low-blood-pressure
$ mgtrack profile show --json
~ "energy"
!~ "sleep"
!~ levothyroxine
!~ low-blood-pressure
$ mgtrack profile set --med cipro@25:00
? 65
e= mgtrack: --med time "25:00" is not a time (HH:MM)
$ mgtrack profile show
~ ^medicines +ciprofloxacin at 08:00,20:00
