/* kz-ics-export.h
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

#pragma once

#include <gio/gio.h>

#include "kz-exchange.h"
#include "kz-store.h"

G_BEGIN_DECLS

/* iCalendar (RFC 5545) for calendar programs, written with libical:
 *
 *  - one VEVENT per session of the given trainings: SUMMARY is the
 *    training's title, DTSTART/DTEND the session's date and times in
 *    Europe/Berlin (a VTIMEZONE is included), or an all-day event when
 *    the session has no start time; LOCATION is the place, URL the
 *    online link, DESCRIPTION names format, topic and trainers;
 *    sessions of cancelled trainings have STATUS:CANCELLED;
 *  - one all-day VEVENT per call deadline, "Deadline: <programme> –
 *    <call>" (translated: "Frist: …"), marked free time.
 *
 * UIDs are "<record uuid>@kompetenz", so that importing a newer export
 * updates the events instead of duplicating them.  DTSTAMP and
 * LAST-MODIFIED are the record's last change. */

#define KZ_ICS_TIMEZONE "Europe/Berlin"

/**
 * kz_ics_export_to_string:
 * @trainings: (nullable): #KzRecord trainings whose sessions to include
 * @deadlines: (nullable): #KzRecord call deadlines to include
 *
 * Returns: (transfer full): the calendar, or %NULL with @error set.
 */
char     *kz_ics_export_to_string (KzStore         *store,
                                   GListModel      *trainings,
                                   GListModel      *deadlines,
                                   GCancellable    *cancellable,
                                   GError         **error);

/* Like kz_ics_export_to_string(), into @file through a temporary file. */
gboolean  kz_ics_export           (KzStore         *store,
                                   GListModel      *trainings,
                                   GListModel      *deadlines,
                                   GFile           *file,
                                   KzProgressFunc   progress,
                                   gpointer         progress_data,
                                   GCancellable    *cancellable,
                                   GError         **error);

G_END_DECLS
