# Real Apple Health exports (../shared/realdata/apple-health, see its
# SOURCES.md), night by night. Expected values from the records: bed = the
# first record of the night's source (in-bed or asleep), wake = the end of
# its last asleep record, total sleep = the asleep records' union.
% $ROOT/../shared/realdata/apple-health real Apple Health files
$ mgtrack init --age 40 --sex female
# ericwolter, English iOS 8/9: source= instead of sourceName=, 92 Sleep
# Cycle records, one per night (before: nothing imported, exit 65).
$ mgtrack import apple-health "$ROOT/../shared/realdata/apple-health/ericwolter_export-ios8-en.xml" --json
~ "nights_written": 92,
~ "name": "Sleep Cycle",
# 20120923222959+0100 to 20120924045121+0100: 6 h 21 min 22 s asleep.
$ MGTRACK_TODAY=2016-12-31 mgtrack night --show --date 2012-09-24 --json
~ "bed": "22:29",
~ "sol": 0,
~ "wake": "04:51",
~ "tst_min": 381,
# 20150601215104+0100 to 20150602043558+0100: 6 h 44 min 54 s.
$ MGTRACK_TODAY=2016-12-31 mgtrack night --show --date 2015-06-02 --json
~ "bed": "21:51",
~ "wake": "04:35",
~ "tst_min": 404,
# ericwolter, German iOS 8/9: in-bed records carry no value at all.
# Jawbone UP, 2014-12-02: in bed 01:45-10:25 (no value) and asleep the same.
$ mgtrack --profile de init --age 40 --sex female
$ mgtrack --profile de import apple-health "$ROOT/../shared/realdata/apple-health/ericwolter_Exportieren-ios8-de.xml" --json
~ "name": "Withings",
~ "name": "UP",
$ MGTRACK_TODAY=2016-12-31 mgtrack --profile de night --show --date 2014-12-02 --json
~ "bed": "01:45",
~ "sol": 0,
~ "wake": "10:25",
~ "tst_min": 520,
# Withings, 2015-07-19: in bed 00:05-00:11, asleep 00:11-05:57, in bed
# 05:57-06:00, asleep 06:00-08:32, in bed 08:32-08:40, asleep 08:40-08:42,
# in bed 08:42-08:43: sol 6, 346 + 152 + 2 = 500 min asleep, waso
# (08:42 - 00:11 = 511) - 500 = 11, two awakenings between the three sleeps.
$ MGTRACK_TODAY=2016-12-31 mgtrack --profile de night --show --date 2015-07-19 --json
~ "bed": "00:05",
~ "sol": 6,
~ "awakenings": 2,
~ "waso": 11,
~ "wake": "08:42",
~ "up": "08:43",
~ "tst_min": 500,
# alxdrcirilo, iOS 17: an iPhone in-bed record (00:55:28-00:56:53) and a
# 12 min 30 s Watch AsleepCore segment (03:27:53-03:40:23): no night
# (before: a 13-minute night).
$ mgtrack --profile ios17 init --age 40 --sex female
$ mgtrack --profile ios17 import apple-health "$ROOT/../shared/realdata/apple-health/alxdrcirilo_export-ios17.xml" --json
? 65
~ "nights_written": 0,
~ "too_short": 1,
$ mgtrack --profile ios17 import apple-health "$ROOT/../shared/realdata/apple-health/alxdrcirilo_export-ios17.zip"
? 65
e~ no usable sleep
# rgosdin, iOS 12: one night typed into Health (22:21-08:21); Clock's
# in-bed records (08:13-09:00, 08:55-09:14, 07:49-09:11) are not sleep and
# do not touch it.
$ mgtrack --profile r init --age 40 --sex female
$ mgtrack --profile r import apple-health "$ROOT/../shared/realdata/apple-health/rgosdin-docs_export-v8-ios12.xml" --json
~ "nights_written": 1,
$ MGTRACK_TODAY=2019-12-31 mgtrack --profile r night --show --date 2019-06-16 --json
~ "bed": "22:21",
~ "wake": "08:21",
~ "up": "08:21",
~ "tst_min": 600,
