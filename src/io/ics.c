/*
 * iCalendar through libical (see ics.h). libical builds the components and
 * serialises them (folding, escaping, CRLF), and its restriction checker
 * validates what we read back in the tests.
 */
#include <libical/ical.h>
#include <stdlib.h>
#include <string.h>
#include "io/ics.h"
#include "util/parse.h"
#include "util/banned.h"

static struct icaltimetype local_time(long date, int minutes)
{
	int y, m, d;
	mg_civil_from_days(date, &y, &m, &d);
	struct icaltimetype t = icaltime_null_time();
	t.year = y;
	t.month = m;
	t.day = d;
	t.hour = minutes / 60;
	t.minute = minutes % 60;
	t.is_date = 0;
	return t;
}

static icalcomponent *event(const struct ics_event *ev, struct icaltimetype stamp)
{
	icalcomponent *v = icalcomponent_new_vevent();
	icalcomponent_add_property(v, icalproperty_new_uid(ev->uid));
	icalcomponent_add_property(v, icalproperty_new_dtstamp(stamp));
	icalcomponent_add_property(v, icalproperty_new_dtstart(local_time(ev->date, ev->start_min)));
	icalcomponent_add_property(v, icalproperty_new_duration(icaldurationtype_from_int(ev->duration_min * 60)));
	icalcomponent_add_property(v, icalproperty_new_summary(ev->summary));
	if (ev->description[0])
		icalcomponent_add_property(v, icalproperty_new_description(ev->description));
	icalcomponent_add_property(v, icalproperty_new_transp(ev->transparent ? ICAL_TRANSP_TRANSPARENT
									    : ICAL_TRANSP_OPAQUE));
	if (ev->daily_count > 1) {
		char rule[48];
		snprintf(rule, sizeof(rule), "FREQ=%s;COUNT=%d", ev->weekly ? "WEEKLY" : "DAILY", ev->daily_count);
		icalcomponent_add_property(v, icalproperty_new_rrule(icalrecurrencetype_from_string(rule)));
		/* The day of a weekly medicine has its own event at the moved time. */
		for (int i = 0; !ev->weekly && ev->skip_weekdays && i < ev->daily_count; i++)
			if (ev->skip_weekdays & (1u << mg_weekday(ev->date + i)))
				icalcomponent_add_property(v, icalproperty_new_exdate(local_time(ev->date + i, ev->start_min)));
	}
	if (ev->alarm_before_min >= 0) {
		icalcomponent *a = icalcomponent_new_valarm();
		icalcomponent_add_property(a, icalproperty_new_action(ICAL_ACTION_DISPLAY));
		icalcomponent_add_property(a, icalproperty_new_description(ev->summary));
		icalcomponent_add_property(a, icalproperty_new_trigger(icaltriggertype_from_int(-ev->alarm_before_min * 60)));
		icalcomponent_add_component(v, a);
	}
	return v;
}

int ics_write(FILE *f, const struct ics_event *ev, size_t n, struct mg_err *e)
{
	icalcomponent *cal = icalcomponent_new_vcalendar();
	icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(cal, icalproperty_new_prodid("-//mgtrack//mgtrack plan//EN"));
	icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
	struct icaltimetype stamp = icaltime_current_time_with_zone(icaltimezone_get_utc_timezone());
	for (size_t i = 0; i < n; i++)
		icalcomponent_add_component(cal, event(&ev[i], stamp));
	char *text = icalcomponent_as_ical_string_r(cal);
	icalcomponent_free(cal);
	int rc = 0;
	if (!text || fputs(text, f) == EOF || fflush(f) == EOF)
		rc = mg_err_set(e, MG_EIO, "cannot write the calendar");
	free(text);
	return rc;
}

static int has(icalcomponent *c, icalproperty_kind k)
{
	return icalcomponent_get_first_property(c, k) != NULL;
}

int ics_check(const char *text, size_t *events, size_t *alarms, struct mg_err *e)
{
	*events = *alarms = 0;
	icalcomponent *cal = icalparser_parse_string(text);
	if (!cal || icalcomponent_isa(cal) != ICAL_VCALENDAR_COMPONENT) {
		if (cal)
			icalcomponent_free(cal);
		return mg_err_set(e, MG_EDATA, "not an iCalendar file");
	}
	icalcomponent_check_restrictions(cal);
	int errors = icalcomponent_count_errors(cal);
	if (errors) {
		/* libical records problems as X-LIC-ERROR properties. */
		icalproperty *p = icalcomponent_get_first_property(cal, ICAL_XLICERROR_PROPERTY);
		for (icalcomponent *c = icalcomponent_get_first_component(cal, ICAL_ANY_COMPONENT); !p && c;
		     c = icalcomponent_get_next_component(cal, ICAL_ANY_COMPONENT))
			p = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY);
		mg_err_set(e, MG_EDATA, "calendar has %d error%s: %s", errors, errors == 1 ? "" : "s",
			   p ? icalproperty_get_xlicerror(p) : "(nested)");
		icalcomponent_free(cal);
		return -1;
	}
	/* libical checks restrictions per iTIP METHOD; a published calendar has
	 * none, so the properties RFC 5545 requires everywhere are checked here. */
	const char *missing = NULL;
	if (!has(cal, ICAL_VERSION_PROPERTY))
		missing = "VERSION in VCALENDAR";
	else if (!has(cal, ICAL_PRODID_PROPERTY))
		missing = "PRODID in VCALENDAR";
	for (icalcomponent *c = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); c && !missing;
	     c = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
		(*events)++;
		if (!has(c, ICAL_UID_PROPERTY))
			missing = "UID in VEVENT";
		else if (!has(c, ICAL_DTSTAMP_PROPERTY))
			missing = "DTSTAMP in VEVENT";
		else if (!has(c, ICAL_DTSTART_PROPERTY))
			missing = "DTSTART in VEVENT";
		for (icalcomponent *a = icalcomponent_get_first_component(c, ICAL_VALARM_COMPONENT); a && !missing;
		     a = icalcomponent_get_next_component(c, ICAL_VALARM_COMPONENT)) {
			(*alarms)++;
			if (!has(a, ICAL_ACTION_PROPERTY) || !has(a, ICAL_TRIGGER_PROPERTY) ||
			    !has(a, ICAL_DESCRIPTION_PROPERTY))
				missing = "ACTION, TRIGGER or DESCRIPTION in VALARM";
		}
	}
	icalcomponent_free(cal);
	if (missing)
		return mg_err_set(e, MG_EDATA, "calendar error: no %s", missing);
	return 0;
}
