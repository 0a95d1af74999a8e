/* kz-csv-export.h
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

/* CSV for German Excel and LibreOffice: UTF-8 with a byte order mark,
 * ";" between fields, CRLF line ends, a first line of translated column
 * headings, dates as 31.12.2026, amounts and numbers as 1234,50 (no
 * thousands separators, so that Excel reads them as numbers), choices
 * as their translated labels, lists joined with ", " and references as
 * the name of the record they point at.  Fields holding ; " CR or LF
 * (or surrounding blanks) are quoted with inner quotes doubled.  Text
 * that starts with = + - @ TAB or CR gets a leading ' so that
 * spreadsheets do not run it as a formula; kz_csv_import removes that
 * mark again.  Nothing is ever shortened. */

/**
 * kz_csv_export_to_stream:
 * @store: the portfolio, to look up the names behind references
 * @kind: the kind of every record in @records
 * @records: #KzRecord items of @kind, in the order to write them
 * @fields: (nullable): field names, in column order; %NULL for all fields
 * @stream: where to write
 *
 * Writes @records as CSV to @stream without closing it.
 *
 * Returns: %FALSE with @error set on failure or cancellation.
 */
gboolean kz_csv_export_to_stream (KzStore             *store,
                                  KzKind               kind,
                                  GListModel          *records,
                                  const char * const  *fields,
                                  GOutputStream       *stream,
                                  KzProgressFunc       progress,
                                  gpointer             progress_data,
                                  GCancellable        *cancellable,
                                  GError             **error);

/**
 * kz_csv_export:
 * @file: the CSV file to create or replace
 *
 * Like kz_csv_export_to_stream(), into @file.  The file is written
 * under a temporary name and renamed once complete: on failure or
 * cancellation @file is left as it was.
 */
gboolean kz_csv_export           (KzStore             *store,
                                  KzKind               kind,
                                  GListModel          *records,
                                  const char * const  *fields,
                                  GFile               *file,
                                  KzProgressFunc       progress,
                                  gpointer             progress_data,
                                  GCancellable        *cancellable,
                                  GError             **error);

/* One cell as kz_csv_export writes it, before quoting.  @titles maps
 * UUIDs to names for REF fields (see kz_store_get_titles()) and may be
 * %NULL for other fields.  Returns %NULL for an empty cell. */
char    *kz_csv_format_value     (KzRecord            *record,
                                  const char          *field,
                                  GHashTable          *titles);

G_END_DECLS
