/* kz-csv-reader-private.h
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

#include "kz-csv-import.h"
#include "kz-exchange-private.h"

G_BEGIN_DECLS

/* The low-level half of the CSV import: turning bytes into UTF-8 text
 * and text into rows of cells with libcsv. */

typedef struct
{
  guint   number;     /* the row as a spreadsheet numbers it, from 1 */
  guint   n_cells;
  char  **cells;      /* n_cells strings, NULL-terminated */
} KzCsvLine;

typedef struct
{
  KzCsvLine *header;
  GPtrArray *lines;   /* KzCsvLine *, non-empty data rows only */
} KzCsvTable;

void        _kz_csv_table_free        (KzCsvTable    *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KzCsvTable, _kz_csv_table_free)

/* Rejects binary data and detects the encoding when *@encoding is
 * KZ_CSV_ENCODING_AUTO, then returns the text as UTF-8 without BOM. */
char       *_kz_csv_decode            (GBytes        *bytes,
                                       KzCsvEncoding *encoding,
                                       gsize         *length,
                                       GError       **error);
/* ';', '\t' or ',': whichever splits the first rows most consistently. */
char        _kz_csv_detect_separator  (const char    *text,
                                       gsize          length);
KzCsvTable *_kz_csv_parse             (const char    *text,
                                       gsize          length,
                                       char           separator,
                                       GCancellable  *cancellable,
                                       GError       **error);

G_END_DECLS
