/* kz-import-window.h
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
#include "kz-window.h"

G_BEGIN_DECLS

#define KZ_TYPE_IMPORT_WINDOW (kz_import_window_get_type ())

G_DECLARE_FINAL_TYPE (KzImportWindow, kz_import_window, KZ, IMPORT_WINDOW, AdwWindow)

/* The CSV import wizard, transient for @parent: file and record type,
 * encoding, column mapping, preview with duplicates policy, the run
 * with progress and Cancel, and the result with the rejected rows.
 * The import is one step of @parent's undo history. */
KzImportWindow *kz_import_window_new            (KzWindow             *parent);

/* For tests, in place of the file chooser and the buttons. */
void            kz_import_window_set_kind       (KzImportWindow       *self,
                                                 KzKind                kind);
void            kz_import_window_load_file      (KzImportWindow       *self,
                                                 GFile                *file);
/* "source", "mapping", "preview", "running" or "result". */
const char     *kz_import_window_get_step       (KzImportWindow       *self);
/* The message shown on the current step, or NULL. */
const char     *kz_import_window_get_error      (KzImportWindow       *self);
gboolean        kz_import_window_is_loading     (KzImportWindow       *self);
KzCsvImport    *kz_import_window_get_import     (KzImportWindow       *self);
void            kz_import_window_set_encoding   (KzImportWindow       *self,
                                                 KzCsvEncoding         encoding);
void            kz_import_window_set_duplicate_policy (KzImportWindow *self,
                                                 KzCsvDuplicatePolicy  policy);
/* The rows the preview step shows (KzCsvRow). */
GListModel     *kz_import_window_get_preview    (KzImportWindow       *self);
/* Cancels a running import; nothing is written. */
void            kz_import_window_cancel         (KzImportWindow       *self);
/* Writes the rejected rows with their reasons as CSV. */
gboolean        kz_import_window_save_report    (KzImportWindow       *self,
                                                 GFile                *file,
                                                 GError              **error);

/* Adds "import.csv" (Ctrl+I) to @window. */
void            kz_import_actions_install       (KzWindow             *window);

G_END_DECLS
