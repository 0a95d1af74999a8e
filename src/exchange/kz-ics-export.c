/* kz-ics-export.c
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

#define G_LOG_DOMAIN "kz-ics-export"

#include "config.h"

#include <libical/ical.h>
#include <stdio.h>
#include <string.h>

#include "kz-exchange-private.h"
#include "kz-ics-export.h"

/* The rules in force since 1996; enough for any date a portfolio has. */
static const char berlin_vtimezone[] =
  "BEGIN:VTIMEZONE\r\n"
  "TZID:" KZ_ICS_TIMEZONE "\r\n"
  "X-LIC-LOCATION:" KZ_ICS_TIMEZONE "\r\n"
  "BEGIN:DAYLIGHT\r\n"
  "TZOFFSETFROM:+0100\r\n"
  "TZOFFSETTO:+0200\r\n"
  "TZNAME:CEST\r\n"
  "DTSTART:19700329T020000\r\n"
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
  "END:DAYLIGHT\r\n"
  "BEGIN:STANDARD\r\n"
  "TZOFFSETFROM:+0200\r\n"
  "TZOFFSETTO:+0100\r\n"
  "TZNAME:CET\r\n"
  "DTSTART:19701025T030000\r\n"
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
  "END:STANDARD\r\n"
  "END:VTIMEZONE\r\n";

typedef struct
{
  KzStore      *store;
  icalcomponent *calendar;
  GHashTable   *programmes;     /* uuid -> name */
  GHashTable   *sessions;       /* training uuid -> GPtrArray of KzRecord */
  KzProgress    progress;
  guint         done;
  guint         total;
} Builder;

static void
builder_clear (Builder *b)
{
  g_clear_pointer (&b->calendar, icalcomponent_free);
  g_clear_pointer (&b->programmes, g_hash_table_unref);
  g_clear_pointer (&b->sessions, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Builder, builder_clear)

/* --- Values --------------------------------------------------------- */

static gboolean
parse_date (const char *iso,
            int        *year,
            int        *month,
            int        *day)
{
  return iso != NULL && sscanf (iso, "%4d-%2d-%2d", year, month, day) == 3 &&
         g_date_valid_dmy (*day, *month, *year);
}

static struct icaltimetype
date_value (int year,
            int month,
            int day)
{
  struct icaltimetype t = icaltime_null_date ();

  t.year = year;
  t.month = month;
  t.day = day;
  return t;
}

/* A local time in Europe/Berlin: floating here, with a TZID parameter. */
static struct icaltimetype
local_value (int         year,
             int         month,
             int         day,
             const char *hh_mm)
{
  struct icaltimetype t = icaltime_null_time ();
  int hour = 0, minute = 0;

  sscanf (hh_mm, "%2d:%2d", &hour, &minute);
  t.year = year;
  t.month = month;
  t.day = day;
  t.hour = hour;
  t.minute = minute;
  return t;
}

static icalproperty *
with_tzid (icalproperty *prop)
{
  icalproperty_add_parameter (prop, icalparameter_new_tzid (KZ_ICS_TIMEZONE));
  return prop;
}

static void
add_stamps (icalcomponent *event,
            KzRecord      *record)
{
  icaltimezone *utc = icaltimezone_get_utc_timezone ();
  gint64 modified = kz_record_get_modified (record) / G_USEC_PER_SEC;
  struct icaltimetype stamp = icaltime_from_timet_with_zone ((time_t)modified, 0, utc);
  g_autofree char *uid = g_strdup_printf ("%s@kompetenz", kz_record_get_uuid (record));

  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (stamp));
  icalcomponent_add_property (event, icalproperty_new_lastmodified (stamp));
}

static void
add_all_day (icalcomponent *event,
             int            year,
             int            month,
             int            day)
{
  struct icaltimetype start = date_value (year, month, day);
  struct icaltimetype end = start;

  icaltime_adjust (&end, 1, 0, 0, 0);
  icalcomponent_add_property (event, icalproperty_new_dtstart (start));
  icalcomponent_add_property (event, icalproperty_new_dtend (end));
}

/* --- Sessions ------------------------------------------------------- */

static void
append_line (GString    *text,
             const char *format,
             const char *value)
{
  if (value == NULL || *value == 0)
    return;
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append_printf (text, format, value);
}

static char *
session_description (KzRecord *training,
                     guint     index,
                     guint     count)
{
  const KzField *format = kz_kind_get_field (KZ_KIND_TRAINING, "format");
  const char *format_id = kz_record_get_string (training, "format");
  GString *text = g_string_new (NULL);

  if (count > 1)
    g_string_append_printf (text, _("Session %u of %u"), index + 1, count);
  append_line (text, _("Format: %s"),
               format_id ? kz_vocabulary_get_label (format->vocab, format_id) : NULL);
  append_line (text, _("Topic: %s"), kz_record_get_string (training, "topic"));
  append_line (text, _("Trainers: %s"), kz_record_get_string (training, "trainers"));
  if (kz_record_is_set (training, "description"))
    {
      g_string_append (text, text->len > 0 ? "\n\n" : "");
      g_string_append (text, kz_record_get_string (training, "description"));
    }

  return g_string_free (text, FALSE);
}

static void
add_session_times (icalcomponent *event,
                   KzRecord      *session,
                   int            year,
                   int            month,
                   int            day)
{
  const char *start = kz_record_get_string (session, "start_time");
  const char *end = kz_record_get_string (session, "end_time");

  if (start == NULL)
    {
      add_all_day (event, year, month, day);
      return;
    }

  icalcomponent_add_property (event, with_tzid (icalproperty_new_dtstart (local_value (year, month, day, start))));
  if (end != NULL)
    icalcomponent_add_property (event, with_tzid (icalproperty_new_dtend (local_value (year, month, day, end))));
}

static void
add_session_place (icalcomponent *event,
                   KzRecord      *session)
{
  const char *place = kz_record_get_string (session, "place");
  const char *link = kz_record_get_string (session, "online_link");

  if (place != NULL)
    icalcomponent_add_property (event, icalproperty_new_location (place));
  else if (link != NULL)
    icalcomponent_add_property (event, icalproperty_new_location (_("Online")));
  if (link != NULL)
    icalcomponent_add_property (event, icalproperty_new_url (link));
}

static void
add_session (Builder  *b,
             KzRecord *training,
             KzRecord *session,
             guint     index,
             guint     count)
{
  g_autofree char *description = session_description (training, index, count);
  icalcomponent *event;
  int year, month, day;

  if (!parse_date (kz_record_get_string (session, "date"), &year, &month, &day))
    return;

  event = icalcomponent_new_vevent ();
  add_stamps (event, session);
  add_session_times (event, session, year, month, day);
  icalcomponent_add_property (event, icalproperty_new_summary (kz_record_get_title (training)));
  add_session_place (event, session);
  if (description[0] != 0)
    icalcomponent_add_property (event, icalproperty_new_description (description));
  if (g_strcmp0 (kz_record_get_string (training, "status"), "cancelled") == 0)
    icalcomponent_add_property (event, icalproperty_new_status (ICAL_STATUS_CANCELLED));
  icalcomponent_add_component (b->calendar, event);
}

static gint
compare_sessions (gconstpointer a,
                  gconstpointer b)
{
  KzRecord *ra = *(KzRecord **)a;
  KzRecord *rb = *(KzRecord **)b;
  int c = g_strcmp0 (kz_record_get_string (ra, "date"), kz_record_get_string (rb, "date"));

  return c != 0 ? c : g_strcmp0 (kz_record_get_string (ra, "start_time"),
                                 kz_record_get_string (rb, "start_time"));
}

/* All sessions in one query, grouped by training. */
static gboolean
load_sessions (Builder  *b,
               GError  **error)
{
  g_autoptr(GListModel) sessions = kz_store_list (b->store, KZ_KIND_SESSION, error);
  guint n;

  if (sessions == NULL)
    return FALSE;

  b->sessions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify)g_ptr_array_unref);
  n = g_list_model_get_n_items (sessions);
  for (guint i = 0; i < n; i++)
    {
      KzRecord *session = g_list_model_get_item (sessions, i);
      const char *training = kz_record_get_string (session, "training_id");
      GPtrArray *list = g_hash_table_lookup (b->sessions, training);

      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (b->sessions, g_strdup (training), list);
        }
      g_ptr_array_add (list, session);
    }

  return TRUE;
}

static void
add_training (Builder  *b,
              KzRecord *training)
{
  GPtrArray *sessions = g_hash_table_lookup (b->sessions, kz_record_get_uuid (training));

  if (sessions == NULL)
    return;

  g_ptr_array_sort (sessions, compare_sessions);
  for (guint i = 0; i < sessions->len; i++)
    add_session (b, training, sessions->pdata[i], i, sessions->len);
}

/* --- Deadlines ------------------------------------------------------ */

static void
add_deadline (Builder  *b,
              KzRecord *deadline)
{
  const char *programme = g_hash_table_lookup (b->programmes, kz_record_get_string (deadline, "programme_id"));
  const char *call = kz_record_get_string (deadline, "title");
  g_autofree char *summary = NULL;
  icalcomponent *event;
  int year, month, day;

  if (!parse_date (kz_record_get_string (deadline, "date"), &year, &month, &day))
    return;

  if (call != NULL)
    /* Translators: a calendar entry: funding programme – call */
    summary = g_strdup_printf (_("Deadline: %s – %s"), programme ? programme : "", call);
  else
    summary = g_strdup_printf (_("Deadline: %s"), programme ? programme : "");

  event = icalcomponent_new_vevent ();
  add_stamps (event, deadline);
  add_all_day (event, year, month, day);
  icalcomponent_add_property (event, icalproperty_new_summary (summary));
  icalcomponent_add_property (event, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));
  icalcomponent_add_property (event, icalproperty_new_categories (_("Funding deadline")));
  icalcomponent_add_component (b->calendar, event);
}

/* --- Calendar ------------------------------------------------------- */

static void
start_calendar (Builder *b)
{
  g_autofree char *prodid = g_strdup_printf ("-//Kompetenz//Kompetenz %s//DE", PACKAGE_VERSION);

  b->calendar = icalcomponent_new_vcalendar ();
  icalcomponent_add_property (b->calendar, icalproperty_new_prodid (prodid));
  icalcomponent_add_property (b->calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (b->calendar, icalproperty_new_calscale ("GREGORIAN"));
  icalcomponent_add_component (b->calendar, icalparser_parse_string (berlin_vtimezone));
}

typedef void (*AddFunc) (Builder *b, KzRecord *record);

static gboolean
add_all (Builder       *b,
         GListModel    *records,
         KzKind         kind,
         AddFunc        add,
         GCancellable  *cancellable,
         GError       **error)
{
  guint n = records ? g_list_model_get_n_items (records) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KzRecord) record = g_list_model_get_item (records, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (KZ_IS_RECORD (record) && kz_record_get_kind (record) == kind &&
          !kz_record_get_deleted (record))
        add (b, record);
      _kz_progress_update (&b->progress, ++b->done, b->total);
    }

  return TRUE;
}

static char *
build (Builder       *b,
       GListModel    *trainings,
       GListModel    *deadlines,
       GCancellable  *cancellable,
       GError       **error)
{
  char *text;

  b->total = (trainings ? g_list_model_get_n_items (trainings) : 0) +
             (deadlines ? g_list_model_get_n_items (deadlines) : 0);
  _kz_progress_phase (&b->progress, _("Exporting"), 0.0, 0.9);

  if (!(b->programmes = kz_store_get_titles (b->store, KZ_KIND_PROGRAMME, error)) ||
      !load_sessions (b, error))
    return NULL;

  start_calendar (b);
  if (!add_all (b, trainings, KZ_KIND_TRAINING, add_training, cancellable, error) ||
      !add_all (b, deadlines, KZ_KIND_DEADLINE, add_deadline, cancellable, error))
    return NULL;

  text = icalcomponent_as_ical_string_r (b->calendar);
  if (text == NULL)
    g_set_error (error, KZ_EXCHANGE_ERROR, KZ_EXCHANGE_ERROR_FAILED,
                 _("The calendar could not be written: %s"), icalerror_strerror (icalerrno));
  return text;
}

static char *
export_string (KzStore        *store,
               GListModel     *trainings,
               GListModel     *deadlines,
               KzProgressFunc  progress,
               gpointer        progress_data,
               GCancellable   *cancellable,
               GError        **error)
{
  g_auto(Builder) b = { store, NULL, NULL, NULL, { 0 }, 0, 0 };
  char *text;
  char *copy;

  _kz_progress_init (&b.progress, progress, progress_data);
  if (!(text = build (&b, trainings, deadlines, cancellable, error)))
    return NULL;

  /* libical allocates with its own allocator. */
  copy = g_strdup (text);
  icalmemory_free_buffer (text);
  return copy;
}

char *
kz_ics_export_to_string (KzStore       *store,
                         GListModel    *trainings,
                         GListModel    *deadlines,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_return_val_if_fail (KZ_IS_STORE (store), NULL);
  g_return_val_if_fail (trainings == NULL || G_IS_LIST_MODEL (trainings), NULL);
  g_return_val_if_fail (deadlines == NULL || G_IS_LIST_MODEL (deadlines), NULL);

  return export_string (store, trainings, deadlines, NULL, NULL, cancellable, error);
}

gboolean
kz_ics_export (KzStore         *store,
               GListModel      *trainings,
               GListModel      *deadlines,
               GFile           *file,
               KzProgressFunc   progress,
               gpointer         progress_data,
               GCancellable    *cancellable,
               GError         **error)
{
  g_autoptr(KzAtomicFile) out = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (KZ_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!(text = export_string (store, trainings, deadlines, progress, progress_data,
                              cancellable, error)) ||
      !(out = _kz_atomic_file_new (file, cancellable, error)) ||
      !g_output_stream_write_all (_kz_atomic_file_get_stream (out), text, strlen (text),
                                  NULL, cancellable, error) ||
      !_kz_atomic_file_commit (out, cancellable, error))
    return FALSE;

  if (progress != NULL)
    progress (NULL, 1.0, progress_data);
  return TRUE;
}
