# Real Oura API JSON, WHOOP and Health Connect files (../shared/realdata,
# see each folder's SOURCES.md), night by night; expected values from the
# records' own fields.
% $ROOT/../shared/realdata/whoop real WHOOP, Oura API and Health Connect files
$ mgtrack init --age 40 --sex female
# Oura API v2 documents under "sleep": 45, of which 28 are long_sleep.
# 2024-02-08 00:49:31-08:49:53, 24420 s asleep, latency 270 s (sol 5,
# 4.5 rounded), deep 6810 s, light 12720 s, rem 4890 s, HRV 65, lowest 57;
# its 17:07 period (no type) is not a night.
$ mgtrack import oura "$ROOT/../shared/realdata/oura-api-json/sanjeevkamath_oura_sleepJSON.json" --json
~ "records_read": 45,
~ "nights_written": 28,
~ "not_a_night": 17,
$ mgtrack night --show --date 2024-02-08 --json
~ "bed": "00:49",
~ "sol": 5,
~ "up": "08:49",
~ "deep": 114,
~ "light": 212,
~ "rem": 82,
~ "hrv": 65,
~ "hr_low": 57,
~ "tst_min": 407,
@ printf '{"a": 1}' > other.json
$ mgtrack import oura other.json
? 65
e~ is JSON but not Oura sleep documents
# WHOOP sleeps.csv: 183 rows, 11 marked Nap, one cycle not scored (no
# durations). 2024-06-23 20:24:26 to 2024-06-24 05:44:09, 504 min asleep,
# light 288, deep 77, REM 139.
$ mgtrack --profile w init --age 40 --sex female
$ mgtrack --profile w import whoop "$ROOT/../shared/realdata/whoop/TheOneRichy_sleeps.csv" --json
~ "records_read": 183,
~ "nap": 11,
~ "bad_record": 1,
$ mgtrack --profile w night --show --date 2024-06-24 --json
~ "bed": "20:24",
~ "up": "05:44",
~ "deep": 77,
~ "light": 288,
~ "rem": 139,
~ "tst_min": 504,
# WHOOP as JSON (US dates): 28 rows. 3/6/2024 3:23 to 11:10, 384 min asleep.
$ mgtrack --profile wj init --age 40 --sex female
$ mgtrack --profile wj import whoop "$ROOT/../shared/realdata/whoop/sanjeevkamath_whoop_sleepJSON.json" --json
~ "records_read": 28,
~ "nights_written": 28,
$ mgtrack --profile wj night --show --date 2024-03-06 --json
~ "bed": "03:23",
~ "up": "11:10",
~ "deep": 93,
~ "tst_min": 384,
$ mgtrack --profile wj import whoop "$ROOT/../shared/realdata/withings/mohdasti_sleep.csv"
? 65
e~ is not WHOOP's sleeps.csv
# Health Connect (UTC times, shown in the zone given: Chicago, UTC-5 in
# April). 2025-04-15 06:51Z-11:48Z from Google Fit: light and deep stages
# only, 297 min asleep, deep 20+12+21+27+20 = 100, light 197.
$ mgtrack --profile hc init --age 40 --sex female
$ TZ=America/Chicago mgtrack --profile hc import health-connect "$ROOT/../shared/realdata/health-connect/LucasFerguson_sleep_data.json" --json
~ "records_read": 16,
$ mgtrack --profile hc night --show --date 2025-04-15 --json
~ "bed": "01:51",
~ "sol": 0,
~ "up": "06:48",
~ "deep": 100,
~ "light": 197,
~ "tst_min": 297,
# 2025-04-16 06:29Z-13:56Z from the Fitbit app: first sleep 06:33, last
# sleep ends 13:55, 401 min in "sleeping" stages, waso 442 - 401 = 41;
# wake periods of 5 min or more (adjacent awake stages joined): 07:47-07:53,
# 11:37-11:45, 13:15-13:20.
$ mgtrack --profile hc night --show --date 2025-04-16 --json
~ "bed": "01:29",
~ "sol": 4,
~ "awakenings": 3,
~ "waso": 41,
~ "wake": "08:55",
~ "up": "08:56",
~ "tst_min": 401,
