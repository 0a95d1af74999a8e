/* kz-list-actions.c
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

#define G_LOG_DOMAIN "kz-list-actions"

#include "config.h"

#include "kz-list-actions.h"
#include "kz-record.h"

static KzRecord *
get_record (GtkColumnView *view,
            guint          position)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_autoptr(GObject) item = NULL;

  if (model == NULL || position >= g_list_model_get_n_items (model))
    return NULL;

  item = g_list_model_get_item (model, position);
  return KZ_IS_RECORD (item) ? KZ_RECORD (g_steal_pointer (&item)) : NULL;
}

static void
activate_cb (GtkColumnView *view,
             guint          position)
{
  g_autoptr(KzRecord) record = get_record (view, position);

  if (record != NULL)
    gtk_widget_activate_action (GTK_WIDGET (view), "win.show-record", "(is)",
                                (int)kz_record_get_kind (record), kz_record_get_uuid (record));
}

static gboolean
delete_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (widget);
  GtkSelectionModel *selection = gtk_column_view_get_model (view);
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(KzRecord) record = NULL;

  if (selection == NULL)
    return FALSE;
  selected = gtk_selection_model_get_selection (selection);
  if (gtk_bitset_is_empty (selected) ||
      !(record = get_record (view, gtk_bitset_get_minimum (selected))))
    return FALSE;

  return gtk_widget_activate_action (widget, "win.delete-record", "(is)",
                                     (int)kz_record_get_kind (record), kz_record_get_uuid (record));
}

void
kz_list_actions_attach (GtkColumnView *column_view)
{
  GtkEventController *controller;
  GtkShortcut *shortcut;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (column_view));

  g_signal_connect (column_view, "activate", G_CALLBACK (activate_cb), NULL);

  controller = gtk_shortcut_controller_new ();
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                               gtk_callback_action_new (delete_cb, NULL, NULL));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0),
                               gtk_callback_action_new (delete_cb, NULL, NULL));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (column_view), controller);
}
