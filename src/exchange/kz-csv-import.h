/* kz-csv-import.h
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
#include "kz-undo-manager.h"

G_BEGIN_DECLS

/* Importing organisations, firms, projects or trainings from a CSV file.
 *
 *   1. kz_csv_import_new_for_file() reads the file, detects its encoding
 *      (UTF-8 with or without BOM, UTF-16 with BOM, otherwise Windows-1252
 *      or Latin-1) and separator (; TAB or , and Excel's "sep=;" line),
 *      parses it with libcsv and maps the column headings to fields by
 *      field name, English or translated label or a common German
 *      heading, ignoring case, umlauts, blanks and punctuation.  Binary
 *      files, files over 50 MB, rows of more than 500 columns, values
 *      over 64 KiB and a quote left open are refused with a clear message.
 *   2. The caller may show and change the encoding, separator and mapping,
 *      set defaults for fields the file lacks, and choose what happens to
 *      rows that match a record already in the portfolio (same normalised
 *      name or title; for organisations also the same city when a city
 *      column is mapped).
 *   3. kz_csv_import_preview() turns the first rows into records and says
 *      for each what would happen and why a row would be rejected.
 *      Nothing is written.
 *   4. kz_csv_import_run() imports every row that is not rejected in one
 *      store transaction, through one group of the undo manager, so that a
 *      single undo reverts the whole import.  On error or cancellation
 *      nothing is written.  The rejected rows are reported afterwards.
 *
 * Reference columns (such as "Lead organisation") hold the name of an
 * existing record.  When a row updates a record, empty cells leave its
 * fields as they are.  A leading ' before = + - @ (the formula guard of
 * kz_csv_export) is removed.
 *
 * Reading, mapping and preview may run in a worker thread.  Run
 * kz_csv_import_run() on the thread that owns the undo manager: it emits
 * the undo manager's notifications and the store's "changed" signal.
 * A UI may run it on a worker thread with an undo manager of its own and
 * move the step over with kz_undo_manager_take_undo_step() afterwards. */

#define KZ_CSV_IMPORT_MAX_FILE_SIZE (50 * 1024 * 1024)
#define KZ_CSV_IMPORT_MAX_COLUMNS   500
#define KZ_CSV_IMPORT_MAX_FIELD     (64 * 1024)

typedef enum
{
  KZ_CSV_ENCODING_AUTO,          /* detect; never reported */
  KZ_CSV_ENCODING_UTF8,
  KZ_CSV_ENCODING_UTF8_BOM,
  KZ_CSV_ENCODING_UTF16,         /* with BOM, as Excel's "Unicode text" */
  KZ_CSV_ENCODING_WINDOWS_1252,  /* old Excel on Windows */
  KZ_CSV_ENCODING_LATIN1,
} KzCsvEncoding;

typedef enum
{
  KZ_CSV_DUPLICATE_SKIP,         /* keep the existing record as it is */
  KZ_CSV_DUPLICATE_UPDATE,       /* fill the existing record with the row's values */
  KZ_CSV_DUPLICATE_KEEP_BOTH,    /* add the row as a new record */
} KzCsvDuplicatePolicy;

typedef enum
{
  KZ_CSV_ROW_CREATE,
  KZ_CSV_ROW_UPDATE,
  KZ_CSV_ROW_SKIP,               /* a duplicate, skipped by policy */
  KZ_CSV_ROW_REJECT,             /* invalid; see the message */
} KzCsvRowAction;

/* One row of the file and what the import does with it. */
#define KZ_TYPE_CSV_ROW (kz_csv_row_get_type ())
G_DECLARE_FINAL_TYPE (KzCsvRow, kz_csv_row, KZ, CSV_ROW, GObject)

/* The row number as a spreadsheet shows it (the heading row is 1). */
guint           kz_csv_row_get_number        (KzCsvRow     *self);
KzCsvRowAction  kz_csv_row_get_action        (KzCsvRow     *self);
/* The record as it would be saved; NULL for rejected rows. */
KzRecord       *kz_csv_row_get_record        (KzCsvRow     *self);
/* Why a row is rejected or skipped, translated; NULL otherwise. */
const char     *kz_csv_row_get_message       (KzCsvRow     *self);
/* The record a duplicate matched (UPDATE and SKIP), or NULL. */
const char     *kz_csv_row_get_existing_uuid (KzCsvRow     *self);

#define KZ_TYPE_CSV_IMPORT (kz_csv_import_get_type ())
G_DECLARE_FINAL_TYPE (KzCsvImport, kz_csv_import, KZ, CSV_IMPORT, GObject)

gboolean              kz_csv_import_kind_supported     (KzKind                kind);
/* A short name for the UI: "UTF-8", "Windows-1252" … */
const char           *kz_csv_encoding_get_name         (KzCsvEncoding         encoding);

KzCsvImport          *kz_csv_import_new_for_file       (KzStore              *store,
                                                        KzKind                kind,
                                                        GFile                *file,
                                                        GCancellable         *cancellable,
                                                        GError              **error);
KzCsvImport          *kz_csv_import_new_for_bytes      (KzStore              *store,
                                                        KzKind                kind,
                                                        GBytes               *bytes,
                                                        GError              **error);

KzKind                kz_csv_import_get_kind           (KzCsvImport          *self);
KzStore              *kz_csv_import_get_store          (KzCsvImport          *self);

/* The detected encoding; set another one when the text looks wrong.
 * Changing encoding or separator parses the file again and redoes the
 * automatic mapping. */
KzCsvEncoding         kz_csv_import_get_encoding       (KzCsvImport          *self);
gboolean              kz_csv_import_set_encoding       (KzCsvImport          *self,
                                                        KzCsvEncoding         encoding,
                                                        GError              **error);
char                  kz_csv_import_get_separator      (KzCsvImport          *self);
gboolean              kz_csv_import_set_separator      (KzCsvImport          *self,
                                                        char                  separator,
                                                        GError              **error);

guint                 kz_csv_import_get_n_columns      (KzCsvImport          *self);
const char           *kz_csv_import_get_header         (KzCsvImport          *self,
                                                        guint                 column);
/* Data rows, blank lines not counted. */
guint                 kz_csv_import_get_n_rows         (KzCsvImport          *self);

/* The field a column goes into, or NULL when it is ignored.  Assigning
 * a field that another column has takes it away from that column. */
const char           *kz_csv_import_get_column_field   (KzCsvImport          *self,
                                                        guint                 column);
gboolean              kz_csv_import_set_column_field   (KzCsvImport          *self,
                                                        guint                 column,
                                                        const char           *field,
                                                        GError              **error);
/* The column mapped to @field, or -1. */
int                   kz_csv_import_find_column        (KzCsvImport          *self,
                                                        const char           *field);

/* A value for @field in new records whose row leaves it empty, such as
 * the status of imported projects; NULL removes it.  Checked at once. */
gboolean              kz_csv_import_set_default        (KzCsvImport          *self,
                                                        const char           *field,
                                                        const char           *text,
                                                        GError              **error);

KzCsvDuplicatePolicy  kz_csv_import_get_duplicate_policy (KzCsvImport        *self);
void                  kz_csv_import_set_duplicate_policy (KzCsvImport        *self,
                                                        KzCsvDuplicatePolicy  policy);
/* When strict, any rejected row makes kz_csv_import_run() fail with
 * KZ_EXCHANGE_ERROR_REJECTED and import nothing.  Off by default. */
gboolean              kz_csv_import_get_strict         (KzCsvImport          *self);
void                  kz_csv_import_set_strict         (KzCsvImport          *self,
                                                        gboolean              strict);
/* The undo step's label; by default "Import of <file name>". */
void                  kz_csv_import_set_label          (KzCsvImport          *self,
                                                        const char           *label);

/* #KzCsvRow items for the first @max_rows data rows (0: all).  Writes
 * nothing.  Fails when the name or title column is not mapped. */
GListModel           *kz_csv_import_preview            (KzCsvImport          *self,
                                                        guint                 max_rows,
                                                        GError              **error);

/* Imports the file.  @undo may be NULL to write without undo.
 *
 * Cancellation is honoured until the end; a cancelled or failed import
 * writes nothing, and its undo group is cancelled: the undo manager
 * keeps the steps it had before. */
gboolean              kz_csv_import_run                (KzCsvImport          *self,
                                                        KzUndoManager        *undo,
                                                        KzProgressFunc        progress,
                                                        gpointer              progress_data,
                                                        GCancellable         *cancellable,
                                                        GError              **error);

/* The result of the last successful run. */
guint                 kz_csv_import_get_n_created      (KzCsvImport          *self);
guint                 kz_csv_import_get_n_updated      (KzCsvImport          *self);
guint                 kz_csv_import_get_n_skipped      (KzCsvImport          *self);
guint                 kz_csv_import_get_n_rejected     (KzCsvImport          *self);
/* #KzCsvRow items of the rejected rows, with row number and reason. */
GListModel           *kz_csv_import_get_rejected       (KzCsvImport          *self);

G_END_DECLS
