/* kz-export-actions.h
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

#include "kz-list-page.h"
#include "kz-window.h"

G_BEGIN_DECLS

/* The fields of the columns @page shows, in order; NULL-terminated. */
GStrv     kz_export_list_fields         (KzListPage           *page);
/* A file name such as "Projekte-2026-11-23.csv" for @page on @date. */
char     *kz_export_suggest_name        (KzListPage           *page,
                                         GDateTime            *date,
                                         const char           *extension);
/* Writes the rows of @page as they are filtered and sorted now, with
 * its columns, to @file on a worker thread. */
void      kz_export_list_csv_async      (KzListPage           *page,
                                         GFile                *file,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gboolean  kz_export_list_csv_finish     (KzListPage           *page,
                                         GAsyncResult         *result,
                                         GError              **error);
/* Writes the portfolio report (PDF) of the projects the visible project
 * list shows, or of all projects, in @language ("de", "en"; NULL: the
 * current one), to @file on a worker thread while the window's progress
 * bar offers Cancel.  A cancelled or failed report leaves no file. */
void      kz_export_report_async        (KzWindow             *window,
                                         GFile                *file,
                                         const char           *language,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
/* Writes every training session and call deadline as iCalendar. */
void      kz_export_calendar_async      (KzWindow             *window,
                                         GFile                *file,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
/* Finishes kz_export_report_async() and kz_export_calendar_async(). */
gboolean  kz_export_file_finish         (KzWindow             *window,
                                         GAsyncResult         *result,
                                         GError              **error);
/* Adds "export.list-csv", "export.report-pdf" and "export.calendar" to
 * @window; the user picks the file with a GtkFileChooserNative. */
void      kz_export_actions_install     (KzWindow             *window);

G_END_DECLS
