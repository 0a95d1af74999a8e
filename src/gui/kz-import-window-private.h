/* kz-import-window-private.h
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

#include "kz-import-window.h"
#include "kz-progress-bar.h"

G_BEGIN_DECLS

struct _KzImportWindow
{
  AdwWindow        parent_instance;

  KzWindow        *parent;        /* weak */
  KzKind           kind;
  GFile           *file;
  KzCsvImport     *import;
  GListModel      *preview;
  GStrv            fields;
  GCancellable    *load_cancellable;
  GCancellable    *run_cancellable;
  char            *error;
  gboolean         close_when_done;
  gboolean         disposed;

  AdwWindowTitle  *title;
  GtkButton       *back_button;
  GtkButton       *next_button;
  GtkRevealer     *error_revealer;
  GtkLabel        *error_label;
  GtkStack        *stack;
  KzProgressBar   *progress;

  /* source */
  AdwComboRow     *kind_row;
  AdwActionRow    *file_row;
  GtkSpinner      *file_spinner;
  AdwComboRow     *encoding_row;
  /* mapping */
  GtkListBox      *mapping_list;
  /* preview */
  GtkCheckButton  *policy_buttons[3];
  AdwPreferencesGroup *preview_group;
  GtkListBox      *preview_list;
  /* result */
  GtkLabel        *result_title;
  GtkLabel        *result_details;
  GtkWidget       *rejected_group;
  GtkListBox      *rejected_list;
};

/* "source", "mapping", "preview", "running" or "result". */
void       _kz_import_window_go_to        (KzImportWindow *self,
                                           const char     *step);
/* The message on top of the current step; NULL hides it. */
void       _kz_import_window_show_error   (KzImportWindow *self,
                                           const char     *message);
void       _kz_import_window_fill_result  (KzImportWindow *self);
/* Imports on a worker thread and shows the result (kz-import-run.c). */
void       _kz_import_window_start_run    (KzImportWindow *self);

/* Widgets of the wizard's steps, built from the import's state. */

/* Called by a mapping row after its column changed. */
void       _kz_import_window_mapping_changed (KzImportWindow *self);

/* The field names the columns of @kind can go into, in schema order. */
GStrv      _kz_import_fields_for_kind   (KzKind        kind);
/* A combo row for @column: "Ignore" or one of @fields. */
GtkWidget *_kz_import_mapping_row_new   (KzCsvImport  *import,
                                         guint         column,
                                         const char * const *fields);
/* A row of the preview: title, what happens, values or the problem. */
GtkWidget *_kz_import_preview_row_new   (KzCsvImport  *import,
                                         KzCsvRow     *row);
/* "Row 7: the status “läuft” is unknown". */
GtkWidget *_kz_import_rejected_row_new  (KzCsvRow     *row);
/* The rejected rows as CSV text: row number and reason. */
char      *_kz_import_report_text       (GListModel   *rejected);

G_END_DECLS
