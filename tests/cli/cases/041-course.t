# The course from the command line: start (and its refusals), planned and
# skipped intakes, the step up, a red flag that pauses until resume, stop,
# versions that cannot be edited, and bad input that writes nothing.
$ MGTRACK_TODAY=2026-11-01 mgtrack init --age 34 --sex female --goal sleep --bed 23:00
$ MGTRACK_TODAY=2026-11-01 mgtrack course
~ ^No course yet for "default"
$ MGTRACK_TODAY=2026-11-01 mgtrack course --json
> null
# No product yet: the course has nothing to follow.
$ MGTRACK_TODAY=2026-11-01 mgtrack course start
? 66
e~ the plan has no product
$ MGTRACK_TODAY=2026-11-01 mgtrack product add --name "Calm Caps" --form glycinate --elemental-mg 100
$ MGTRACK_TODAY=2026-11-01 mgtrack course start --date 2026-11-02
? 65
e= mgtrack: --date "2026-11-02" is in the future: a course starts today or on the day you began
$ MGTRACK_TODAY=2026-11-01 mgtrack course start --date 2024-01-01
? 65
e~ more than 366 days ago
$ MGTRACK_TODAY=2026-11-01 mgtrack course start --reason why
? 64
$ MGTRACK_TODAY=2026-11-01 mgtrack course begin
? 64
e~ unknown subcommand "begin"
@ [ "$(sqlite3 "$MGTRACK_DB" 'SELECT count(*) FROM course')" = 0 ]
$ MGTRACK_TODAY=2026-11-01 mgtrack course start --json
~ "phase": "titrating",
~ "daily_elemental_mg": 100,
~ "rule": "course-start"
$ MGTRACK_TODAY=2026-11-01 mgtrack course start
? 65
e~ a course is already running \(since 2026-11-01\)
$ MGTRACK_TODAY=2026-11-01 mgtrack course resume
? 65
e~ the course is not paused \(it is titrating\)
@ [ "$(sqlite3 "$MGTRACK_DB" 'SELECT count(*) FROM plan_version')" = 1 ]
# Day 1: the planned intake is one capsule; nothing fractional to type.
$ MGTRACK_TODAY=2026-11-01 mgtrack plan
~ now,  day 1 \(2026-11-01\): 100 mg  21:30 100 mg \(1 unit\)
~ log each intake with: mgtrack dose   \(skip one: mgtrack dose --skip\)
!~ dose "Calm Caps" 0
$ MGTRACK_TODAY=2026-11-01 mgtrack dose --at "2026-11-01 21:40"
~ Calm Caps .* 100.0 mg  \(planned 21:30\)
$ MGTRACK_TODAY=2026-11-01 mgtrack dose --at "2026-11-01 21:45"
? 65
e~ every intake planned on 2026-11-01 is already logged
$ MGTRACK_TODAY=2026-11-01 mgtrack dose --skip
? 65
e~ nothing is left to skip
$ MGTRACK_TODAY=2026-11-01 mgtrack product add --name "Multi" --form oxide --elemental-mg 50
$ MGTRACK_TODAY=2026-11-01 mgtrack dose --skip Multi
? 65
e~ --skip records a planned intake of the course's product "Calm Caps"
# A multivitamin outside the course is welcome, as one serving.
$ MGTRACK_TODAY=2026-11-01 mgtrack dose --at "2026-11-01 08:00" Multi
~ Multi .* 50.0 mg
@ [ "$(sqlite3 "$MGTRACK_DB" 'SELECT count(*) FROM dose')" = 2 ]
# A week of formed stools and every intake: the step up on day 8.
$ for d in 02 03 04 05 06 07; do MGTRACK_TODAY=2026-11-$d mgtrack night --bed 23:00 --wake 07:00 --quality 4 --bristol 4 >/dev/null && MGTRACK_TODAY=2026-11-$d mgtrack dose --at "2026-11-$d 21:30" >/dev/null || exit 1; done
$ MGTRACK_TODAY=2026-11-07 mgtrack course
~ ^Course for "default": day 7, titrating \(started 2026-11-01\)
~ ^Next: step up to 200 mg if stools stay formed and no red flag appears \(2026-11-08, day 8\)
~ Adherence: 100 % of the magnesium planned; 7 of 7 days
$ MGTRACK_TODAY=2026-11-08 mgtrack night --bristol 4 --quality 4
$ MGTRACK_TODAY=2026-11-08 mgtrack course --json
~ "phase": "maintenance",
~ "event": "step_up",
~ "rule": "course-step-up"
@ python3 -c 'import json; d=json.load(open(".out")); t=[(x["time"],x["units"],x["status"]) for x in d["today"]]; assert t==[("13:00",1,"due"),("21:30",1,"due")], t; assert d["adherence"]["days_planned"]==7, d["adherence"]'
# The person takes the whole day's 200 mg once in the evening: adherent.
$ MGTRACK_TODAY=2026-11-08 mgtrack dose --at "2026-11-08 21:00" "Calm Caps" 2
$ MGTRACK_TODAY=2026-11-09 mgtrack course --json
@ python3 -c 'import json; d=json.load(open(".out")); a=d["adherence"]; assert a["mg_pct"]==100 and a["days_adherent"]==8, a'
# Skip the lunch intake, take the evening one: the evening one is answered.
$ MGTRACK_TODAY=2026-11-09 mgtrack dose --skip --at "2026-11-09 13:05"
~ skipped the planned 100 mg  \(planned 13:00\)
$ MGTRACK_TODAY=2026-11-09 mgtrack dose --at "2026-11-09 21:35" --json
~ "status": "taken",
~ "planned_time": "21:30"
$ MGTRACK_TODAY=2026-11-09 mgtrack dose --list --date 2026-11-09
~ skipped the planned 100 mg
$ MGTRACK_TODAY=2026-11-09 mgtrack intake --json
~ "supplement_mg": 
# A red flag pauses the course; it does not lift by itself.
$ MGTRACK_TODAY=2026-11-10 mgtrack night --bristol 4 --red-flag dizziness
$ MGTRACK_TODAY=2026-11-10 mgtrack course
~ ^Paused since 2026-11-10: no magnesium\. dizziness logged for 2026-11-10
~ seek medical advice promptly
$ MGTRACK_TODAY=2026-11-10 mgtrack dose
? 65
e~ no intake is planned on 2026-11-10: the course is paused since 2026-11-10 \[course-pause-red-flag\]
$ MGTRACK_TODAY=2026-11-20 mgtrack plan --json
~ "status": "pause",
~ "phase": "paused",
# A red flag logged for the very morning of a resume is not gone yet.
$ MGTRACK_TODAY=2026-11-19 mgtrack night --bristol 4 --red-flag palpitations
$ MGTRACK_TODAY=2026-11-19 mgtrack course resume
? 65
e~ palpitations is logged for this morning \(2026-11-19\): resume once it has gone
$ MGTRACK_TODAY=2026-11-20 mgtrack course resume
~ ^Course resumed: you confirm that dizziness \(2026-11-10\), palpitations \(2026-11-19\) have gone; back to 100 mg a day
~ titrating
$ MGTRACK_TODAY=2026-11-20 mgtrack plan --json
~ "status": "ok",
# Versions are history: an edit is refused by the journal itself.
@ ! sqlite3 "$MGTRACK_DB" "UPDATE plan_version SET daily_mg = 400"
@ [ "$(sqlite3 "$MGTRACK_DB" 'SELECT group_concat(event) FROM plan_version ORDER BY seq')" = "start,step_up,pause,resume" ]
# The review has too few nights: nothing to apply, nothing written.
$ MGTRACK_TODAY=2026-11-20 mgtrack review --apply
? 65
e~ the decision is insufficient_data
$ MGTRACK_TODAY=2026-11-20 mgtrack review --at 3 --apply
? 64
$ MGTRACK_TODAY=2026-11-20 mgtrack review --product Multi
? 64
@ [ "$(sqlite3 "$MGTRACK_DB" 'SELECT count(*) FROM plan_version')" = 4 ]
$ MGTRACK_TODAY=2026-11-21 mgtrack course stop --reason "travelling for a month"
~ ^Course stopped: travelling for a month \[course-stop\]
$ MGTRACK_TODAY=2026-11-21 mgtrack course stop
? 65
e~ no course is running
$ MGTRACK_TODAY=2026-11-21 mgtrack course --json
~ "phase": "stopped",
~ "ended": "2026-11-21",
# After a stop the plan is a proposal again; a red flag of the last 7
# nights still forbids a new start, a week later it can begin.
$ MGTRACK_TODAY=2026-11-21 mgtrack course start
? 65
e~ the plan's status is pause, so no course can start
$ MGTRACK_TODAY=2026-11-27 mgtrack plan
~ to follow it day by day: mgtrack course start
$ MGTRACK_TODAY=2026-11-27 mgtrack course start
~ ^Course started
@ [ "$(sqlite3 "$MGTRACK_DB" 'SELECT count(*) FROM course')" = 2 ]
# Who must not self-dose cannot start a course.
$ mgtrack --profile teen init --age 15 --sex male --goal sleep
$ mgtrack --profile teen course start
? 65
e~ the plan's status is clinician, so no course can start: under 18
