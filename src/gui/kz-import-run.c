/* kz-import-run.c
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

#define G_LOG_DOMAIN "kz-import-run"

#include "config.h"

#include <glib/gi18n.h>

#include "kz-import-window-private.h"
#include "kz-thread-task.h"

/* Running the import: on a worker thread, with the wizard's progress
 * bar and Cancel, as one step of the main window's undo history. */

typedef struct
{
  KzCsvImport   *import;
  KzUndoManager *undo;     /* private to the worker */
  KzProgressBar *bar;
} RunData;

static void
run_data_free (RunData *data)
{
  g_clear_object (&data->import);
  g_clear_object (&data->undo);
  g_clear_object (&data->bar);
  g_free (data);
}

/* The import writes on this thread with an undo manager of its own; its
 * one step moves to the window's manager on the main thread. */
static void
run_worker (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  RunData *data = task_data;
  GError *error = NULL;

  if (kz_csv_import_run (data->import, data->undo, kz_progress_bar_report, data->bar,
                         cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
toast_undo_cb (AdwToast *toast,
               KzWindow *window)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
}

static void
announce_import (KzImportWindow *self)
{
  guint n = kz_csv_import_get_n_created (self->import) + kz_csv_import_get_n_updated (self->import);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (self->parent == NULL)
    return;

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u record imported",
                                        "%u records imported", n), n);
  toast = adw_toast_new (title);
  if (n > 0)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (toast_undo_cb), self->parent, 0);
    }
  kz_window_add_toast (self->parent, toast);
}

static void
run_ready_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(KzImportWindow) self = user_data;
  RunData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  /* The window went away meanwhile (its parent was closed). */
  if (self->disposed)
    return;

  kz_progress_bar_end (self->progress);
  g_clear_object (&self->run_cancellable);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      _kz_import_window_go_to (self, "preview");
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _kz_import_window_show_error (self, _("The import was cancelled. Nothing was imported."));
      else
        _kz_import_window_show_error (self, error->message);
    }
  else
    {
      if (self->parent != NULL)
        kz_undo_manager_take_undo_step (kz_window_get_undo_manager (self->parent), data->undo);
      _kz_import_window_fill_result (self);
      _kz_import_window_go_to (self, "result");
      announce_import (self);
    }

  if (self->close_when_done)
    gtk_window_destroy (GTK_WINDOW (self));
}

void
_kz_import_window_start_run (KzImportWindow *self)
{
  g_autoptr(GTask) task = NULL;
  RunData *data;
  GCancellable *cancellable;

  if (self->parent == NULL || kz_window_get_undo_manager (self->parent) == NULL ||
      !(cancellable = kz_progress_bar_begin (self->progress, _("Importing"))))
    return;

  data = g_new0 (RunData, 1);
  data->import = g_object_ref (self->import);
  data->undo = kz_undo_manager_new (kz_csv_import_get_store (self->import));
  data->bar = g_object_ref (self->progress);
  self->run_cancellable = g_object_ref (cancellable);

  _kz_import_window_go_to (self, "running");
  task = g_task_new (self, cancellable, run_ready_cb, g_object_ref (self));
  g_task_set_source_tag (task, _kz_import_window_start_run);
  g_task_set_task_data (task, data, (GDestroyNotify)run_data_free);
  kz_thread_task_run (task, run_worker);
}

