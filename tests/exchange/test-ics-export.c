/* test-ics-export.c
 *
 * Copyright 2026 The Kompetenz authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <https://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>
#include <string.h>

#include "exchange-test-util.h"

typedef struct
{
  TempStore *t;
  char      *training;      /* uuids */
  char      *cancelled;
  char      *winter;
  char      *summer;
  char      *all_day;
  char      *deadline;
  char      *untitled;
} Calendar;

static KzRecord *
save (KzStore    *store,
      KzKind      kind,
      const char *first,
      ...)
{
  g_autoptr(KzRecord) record = kz_record_new (kind);
  g_autoptr(GError) error = NULL;
  const char *field = first;
  va_list args;

  va_start (args, first);
  while (field != NULL)
    {
      const char *value = va_arg (args, const char *);

      g_assert_true (kz_record_set_text (record, field, value, &error));
      field = va_arg (args, const char *);
    }
  va_end (args);

  g_assert_true (kz_store_save (store, record, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&record);
}

static char *
save_uuid (KzStore    *store,
           KzKind      kind,
           const char *first,
           ...)
{
  g_autoptr(KzRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  const char *field = first;
  va_list args;

  record = kz_record_new (kind);
  va_start (args, first);
  while (field != NULL)
    {
      g_assert_true (kz_record_set_text (record, field, va_arg (args, const char *), &error));
      field = va_arg (args, const char *);
    }
  va_end (args);
  g_assert_true (kz_store_save (store, record, &error));
  g_assert_no_error (error);
  return g_strdup (kz_record_get_uuid (record));
}

static void
calendar_setup (Calendar      *c,
                gconstpointer  data)
{
  KzStore *s;
  g_autoptr(KzRecord) programme = NULL;

  c->t = temp_store_new ();
  s = c->t->store;
  c->training = save_uuid (s, KZ_KIND_TRAINING, "title", "Datenschutz kompakt", "status", "open",
                           "format", "online", "trainers", "A. Meyer, B. Schulz",
                           "topic", "DSGVO", NULL);
  c->cancelled = save_uuid (s, KZ_KIND_TRAINING, "title", "KI im Sozialen", "status", "cancelled", NULL);
  c->winter = save_uuid (s, KZ_KIND_SESSION, "training_id", c->training, "date", "2026-12-01",
                         "start_time", "09:30", "end_time", "12:00", "place", "Hannover, Raum 2", NULL);
  c->summer = save_uuid (s, KZ_KIND_SESSION, "training_id", c->training, "date", "2026-07-15",
                         "start_time", "14:00", "end_time", "16:30",
                         "online_link", "https://meet.example.org/ds", NULL);
  c->all_day = save_uuid (s, KZ_KIND_SESSION, "training_id", c->cancelled, "date", "2026-08-01", NULL);

  programme = save (s, KZ_KIND_PROGRAMME, "name", "DigiWohl", "funder", "ESF Plus", NULL);
  c->deadline = save_uuid (s, KZ_KIND_DEADLINE, "programme_id", kz_record_get_uuid (programme),
                           "date", "2026-03-31", "title", "Förderaufruf 2026", NULL);
  c->untitled = save_uuid (s, KZ_KIND_DEADLINE, "programme_id", kz_record_get_uuid (programme),
                           "date", "2026-09-30", NULL);
}

static void
calendar_teardown (Calendar      *c,
                   gconstpointer  data)
{
  temp_store_free (c->t);
  g_free (c->training);
  g_free (c->cancelled);
  g_free (c->winter);
  g_free (c->summer);
  g_free (c->all_day);
  g_free (c->deadline);
  g_free (c->untitled);
}

static char *
export (Calendar *c)
{
  g_autoptr(GListModel) trainings = test_list (c->t->store, KZ_KIND_TRAINING);
  g_autoptr(GListModel) deadlines = test_list (c->t->store, KZ_KIND_DEADLINE);
  g_autoptr(GError) error = NULL;
  char *text = kz_ics_export_to_string (c->t->store, trainings, deadlines, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  return text;
}

static icalcomponent *
find_event (icalcomponent *cal,
            const char    *uuid)
{
  g_autofree char *uid = g_strdup_printf ("%s@kompetenz", uuid);

  for (icalcomponent *e = icalcomponent_get_first_component (cal, ICAL_VEVENT_COMPONENT);
       e != NULL; e = icalcomponent_get_next_component (cal, ICAL_VEVENT_COMPONENT))
    if (g_strcmp0 (icalcomponent_get_uid (e), uid) == 0)
      return e;

  g_assert_not_reached ();
}

static time_t
utc (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (dt);
}

static void
assert_local_time (icalcomponent *event,
                   gboolean       start,
                   time_t         expected)
{
  icalproperty *prop = icalcomponent_get_first_property (event, start ? ICAL_DTSTART_PROPERTY
                                                                      : ICAL_DTEND_PROPERTY);
  icalparameter *tzid = icalproperty_get_first_parameter (prop, ICAL_TZID_PARAMETER);
  struct icaltimetype t = start ? icalcomponent_get_dtstart (event) : icalcomponent_get_dtend (event);

  g_assert_nonnull (tzid);
  g_assert_cmpstr (icalparameter_get_tzid (tzid), ==, "Europe/Berlin");
  g_assert_false (icaltime_is_date (t));
  g_assert_nonnull (t.zone);   /* resolved through the VTIMEZONE in the file */
  g_assert_cmpint (icaltime_as_timet_with_zone (t, t.zone), ==, expected);
}

static guint
count_events (icalcomponent *cal)
{
  guint n = 0;

  for (icalcomponent *e = icalcomponent_get_first_component (cal, ICAL_VEVENT_COMPONENT);
       e != NULL; e = icalcomponent_get_next_component (cal, ICAL_VEVENT_COMPONENT))
    {
      g_assert_null (icalcomponent_get_first_property (e, ICAL_XLICERROR_PROPERTY));
      n++;
    }

  return n;
}

static void
test_sessions (Calendar      *c,
               gconstpointer  data)
{
  g_autofree char *text = export (c);
  icalcomponent *cal = icalparser_parse_string (text);
  icalcomponent *winter, *summer, *all_day;
  struct icaltimetype start, end;

  g_assert_nonnull (cal);
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
  for (const char *p = strchr (text, '\n'); p != NULL; p = strchr (p + 1, '\n'))
    g_assert_cmpint (p[-1], ==, '\r');
  g_assert_nonnull (icalcomponent_get_first_component (cal, ICAL_VTIMEZONE_COMPONENT));
  g_assert_cmpuint (count_events (cal), ==, 5);
  /* Valid by libical's RFC 5545 restriction tables. */
  g_assert_cmpint (icalrestriction_check (cal), ==, 1);

  /* 09:30 in Berlin in December is 08:30 UTC, 14:00 in July 12:00 UTC. */
  winter = find_event (cal, c->winter);
  assert_local_time (winter, TRUE, utc (2026, 12, 1, 8, 30));
  assert_local_time (winter, FALSE, utc (2026, 12, 1, 11, 0));
  g_assert_cmpstr (icalcomponent_get_summary (winter), ==, "Datenschutz kompakt");
  g_assert_cmpstr (icalcomponent_get_location (winter), ==, "Hannover, Raum 2");
  g_assert_nonnull (strstr (icalcomponent_get_description (winter), "A. Meyer, B. Schulz"));
  g_assert_nonnull (strstr (icalcomponent_get_description (winter), "Online seminar"));
  g_assert_nonnull (strstr (icalcomponent_get_description (winter), "Session 2 of 2"));

  summer = find_event (cal, c->summer);
  assert_local_time (summer, TRUE, utc (2026, 7, 15, 12, 0));
  assert_local_time (summer, FALSE, utc (2026, 7, 15, 14, 30));
  g_assert_cmpstr (icalproperty_get_url (icalcomponent_get_first_property (summer, ICAL_URL_PROPERTY)),
                   ==, "https://meet.example.org/ds");

  /* No time: an all-day event; a cancelled training's sessions say so. */
  all_day = find_event (cal, c->all_day);
  start = icalcomponent_get_dtstart (all_day);
  end = icalcomponent_get_dtend (all_day);
  g_assert_true (icaltime_is_date (start));
  g_assert_cmpint (start.year, ==, 2026);
  g_assert_cmpint (start.month, ==, 8);
  g_assert_cmpint (start.day, ==, 1);
  g_assert_cmpint (end.day, ==, 2);
  g_assert_cmpint (icalcomponent_get_status (all_day), ==, ICAL_STATUS_CANCELLED);

  icalcomponent_free (cal);
}

static void
test_deadlines (Calendar      *c,
                gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  icalcomponent *cal, *deadline, *untitled;
  struct icaltimetype start;

  test_set_language ("de");
  text = export (c);
  /* "Frist: …" once de.po translates it; the source string until then. */
  expected = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "Deadline: %s – %s"),
                              "DigiWohl", "Förderaufruf 2026");
  test_set_language ("C");

  cal = icalparser_parse_string (text);
  deadline = find_event (cal, c->deadline);
  g_assert_cmpstr (icalcomponent_get_summary (deadline), ==, expected);
  start = icalcomponent_get_dtstart (deadline);
  g_assert_true (icaltime_is_date (start));
  g_assert_cmpint (start.month, ==, 3);
  g_assert_cmpint (start.day, ==, 31);
  g_assert_cmpint (icalcomponent_get_dtend (deadline).month, ==, 4);
  g_assert_cmpint (icalproperty_get_transp (icalcomponent_get_first_property (deadline, ICAL_TRANSP_PROPERTY)),
                   ==, ICAL_TRANSP_TRANSPARENT);

  untitled = find_event (cal, c->untitled);
  g_assert_nonnull (strstr (icalcomponent_get_summary (untitled), "DigiWohl"));
  icalcomponent_free (cal);
}

static void
test_stable_and_file (Calendar      *c,
                      gconstpointer  data)
{
  g_autofree char *first = export (c);
  g_autofree char *second = export (c);
  g_autofree char *path = temp_store_file (c->t, "kalender.ics");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GListModel) trainings = test_list (c->t->store, KZ_KIND_TRAINING);
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  icalcomponent *cal;

  /* The same data give the same file: same UIDs, same stamps. */
  g_assert_cmpstr (first, ==, second);

  g_assert_true (kz_ics_export (c->t->store, trainings, NULL, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  written = test_read_file (path, NULL);
  cal = icalparser_parse_string (written);
  g_assert_cmpuint (count_events (cal), ==, 3);
  icalcomponent_free (cal);
}

int
main (int   argc,
      char *argv[])
{
  test_init (&argc, &argv);

  g_test_add ("/exchange/ics/sessions", Calendar, NULL, calendar_setup, test_sessions, calendar_teardown);
  g_test_add ("/exchange/ics/deadlines", Calendar, NULL, calendar_setup, test_deadlines, calendar_teardown);
  g_test_add ("/exchange/ics/stable-and-file", Calendar, NULL, calendar_setup, test_stable_and_file,
              calendar_teardown);

  return g_test_run ();
}
