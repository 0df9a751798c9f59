# A damaged or truncated archive leaves the previous food database intact.
$ mgtrack --foods-db "$T/f.db" food import --sr24 "$SR24_JAR"
~ ^imported 8858 foods from USDA SR24
@ head -c 3000000 "$SR24_JAR" > trunc.jar
$ mgtrack --foods-db "$T/f.db" food import --sr24 "$T/trunc.jar"
? 65
e~ ^mgtrack: import failed, food database unchanged:
$ mgtrack --foods-db "$T/f.db" food show 12016
~ Magnesium +550
@ printf 'not a zip' > junk.jar
$ mgtrack --foods-db "$T/f.db" food import --sr24 "$T/junk.jar"
? 65
$ mgtrack --foods-db "$T/f.db" food import --sr24 "$T/missing.jar"
? 66
$ mgtrack --foods-db "$T/f.db" food import
? 64
@ test -z "$(ls | grep new-)"
