/* kz-window-state.c
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

#define G_LOG_DOMAIN "kz-window"

#include "config.h"

#include <glib/gi18n.h>

#include "kz-demo.h"
#include "kz-format.h"
#include "kz-sync-indicator.h"
#include "kz-sync-session.h"
#include "kz-thread-task.h"
#include "kz-window-private.h"

/* The window's state kept between runs, the demo portfolio offered on
 * an empty portfolio, and the sync wiring. */

#define DEMO_PROJECTS 200

/* Demo portfolio, written through a connection of its own so that the
 * lists stay responsive meanwhile. */

static void
demo_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(KzStore) store = NULL;
  GError *error = NULL;

  if (!(store = kz_store_open (path, &error)) ||
      !kz_demo_generate (store, DEMO_PROJECTS, KZ_DEMO_DEFAULT_SEED, NULL, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
set_loading_demo (KzWindow *self,
                  gboolean  loading)
{
  self->loading_demo = loading;
  gtk_stack_set_visible_child_name (self->welcome_stack, loading ? "progress" : "button");
  if (loading)
    gtk_spinner_start (self->demo_spinner);
  else
    gtk_spinner_stop (self->demo_spinner);
  _kz_window_update_actions (self);
}

static void
demo_ready_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  KzWindow *self = KZ_WINDOW (object);
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_loading_demo (self, FALSE);

  if (error != NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Could not load the demo portfolio: %s"), error->message);

      toast = adw_toast_new (title);
      adw_toast_set_timeout (toast, 0);
    }
  else
    {
      toast = adw_toast_new (_("Demo portfolio loaded"));
      kz_context_notify_changed (self->context, KZ_N_KINDS);
    }

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
load_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  KzWindow *self = KZ_WINDOW (widget);
  g_autoptr(GTask) task = NULL;
  KzStore *store = kz_context_get_store (self->context);

  set_loading_demo (self, TRUE);

  task = g_task_new (self, self->cancellable, demo_ready_cb, NULL);
  g_task_set_source_tag (task, load_demo_action);
  g_task_set_task_data (task, g_strdup (kz_store_get_path (store)), g_free);
  kz_thread_task_run (task, demo_worker);
}

/* Window state */

void
_kz_window_save_state (KzWindow *self)
{
  GSettings *settings;
  int width, height;

  if (self->context == NULL)
    return;

  settings = kz_context_get_settings (self->context);
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
}

void
_kz_window_restore_state (KzWindow *self)
{
  GSettings *settings = kz_context_get_settings (self->context);
  g_autofree char *last_page = g_settings_get_string (settings, "last-page");
  int page = _kz_window_find_page (last_page);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  gtk_list_box_select_row (self->sidebar_list,
                           gtk_list_box_get_row_at_index (self->sidebar_list, MAX (page, 0)));
}

/* Sync */

static void
update_conflicts_row (KzWindow *self)
{
  int index = _kz_window_find_page ("conflicts");
  guint n_conflicts = kz_sync_client_get_conflicts (kz_context_get_sync_client (self->context));
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sidebar_list, index);
  g_autofree char *count = kz_format_int (n_conflicts);

  gtk_widget_set_visible (GTK_WIDGET (row), n_conflicts > 0 || self->page == (guint)index);
  gtk_label_set_text (self->count_labels[index], count);
  gtk_widget_set_visible (GTK_WIDGET (self->count_labels[index]), n_conflicts > 0);
}

void
_kz_window_setup_sync (KzWindow *self)
{
  kz_sync_indicator_set_context (self->sync_indicator, self->context);
  if (self->context == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (gtk_list_box_get_row_at_index (self->sidebar_list,
                                                                          _kz_window_find_page ("conflicts"))),
                              FALSE);
      return;
    }

  g_signal_connect_object (kz_context_get_sync_client (self->context), "notify::conflicts",
                           G_CALLBACK (update_conflicts_row), self, G_CONNECT_SWAPPED);
  /* Leaving the page hides the row again once nothing is left. */
  g_signal_connect_object (self->page_stack, "notify::visible-child",
                           G_CALLBACK (update_conflicts_row), self, G_CONNECT_SWAPPED);
  update_conflicts_row (self);
}

static void
sync_now_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  KzWindow *self = KZ_WINDOW (widget);

  if (self->context != NULL)
    kz_sync_session_sync_now (self->context);
}

void
_kz_window_state_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.load-demo", NULL, load_demo_action);
  gtk_widget_class_install_action (widget_class, "win.sync-now", NULL, sync_now_action);
}
