/* kz-window-records.c
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

#define G_LOG_DOMAIN "kz-window-records"

#include "config.h"

#include <glib/gi18n.h>

#include "kz-record-page.h"
#include "kz-record-sections.h"
#include "kz-trip-page.h"
#include "kz-window-private.h"

/* Records */

static void
show_record_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  const char *uuid;
  int kind;

  g_variant_get (param, "(i&s)", &kind, &uuid);
  if (kind >= 0 && kind < KZ_N_KINDS)
    kz_window_show_record (KZ_WINDOW (widget), kind, uuid);
}

static void
new_child_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  const char *field, *target;
  GtkWidget *page;
  int kind;

  g_variant_get (param, "(i&s&s)", &kind, &field, &target);
  if (kind < 0 || kind >= KZ_N_KINDS)
    return;

  page = kz_window_show_record (KZ_WINDOW (widget), kind, NULL);
  if (page != NULL && kz_kind_find_field (kind, field) >= 0)
    kz_record_page_preset (KZ_RECORD_PAGE (page), field, target);
}

static void
undo_clicked_cb (AdwToast *toast,
                 KzWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.undo", NULL);
}

static void
delete_record_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  KzWindow *self = KZ_WINDOW (widget);
  KzUndoManager *undo_manager = kz_window_get_undo_manager (self);
  g_autoptr(KzRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;
  const char *uuid;
  AdwToast *toast;
  int kind;

  g_variant_get (param, "(i&s)", &kind, &uuid);
  if (undo_manager == NULL || kind < 0 || kind >= KZ_N_KINDS ||
      !(record = kz_store_get (kz_undo_manager_get_store (undo_manager), kind, uuid, &error)))
    return;

  label = kz_record_action_label (_("Delete “%s”"), record);
  if (!kz_undo_manager_delete (undo_manager, kind, uuid, label, &error))
    {
      kz_window_add_toast (self, adw_toast_new (error->message));
      return;
    }

  kz_window_close_record (self, uuid);
  title = kz_record_action_label (_("“%s” deleted"), record);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self, 0);
  kz_window_add_toast (self, toast);
}

static void
show_message_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  AdwToast *toast = adw_toast_new (g_variant_get_string (param, NULL));

  adw_toast_set_timeout (toast, 6);
  kz_window_add_toast (KZ_WINDOW (widget), toast);
}

/* Undo */

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  KzUndoManager *undo_manager = kz_window_get_undo_manager (KZ_WINDOW (widget));
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (undo_manager == NULL)
    return;

  if (g_str_equal (action_name, "win.undo"))
    ok = kz_undo_manager_undo (undo_manager, &error);
  else
    ok = kz_undo_manager_redo (undo_manager, &error);

  if (!ok && error != NULL)
    kz_window_add_toast (KZ_WINDOW (widget), adw_toast_new (error->message));
}

/* Privacy: contacts whose deletion date has passed */

static void
remove_expired_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            KzWindow         *self)
{
  GListModel *expired = g_object_get_data (G_OBJECT (dialog), "kz-expired");
  KzStore *store = kz_context_get_store (kz_window_get_context (self));
  guint n = g_list_model_get_n_items (expired);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!g_str_equal (response, "remove"))
    return;

  if (kz_store_begin (store, &error))
    {
      for (guint i = 0; i < n && error == NULL; i++)
        {
          g_autoptr(KzRecord) contact = g_list_model_get_item (expired, i);

          if (kz_store_delete (store, KZ_KIND_CONTACT, kz_record_get_uuid (contact), &error))
            kz_store_purge (store, KZ_KIND_CONTACT, kz_record_get_uuid (contact), &error);
        }
      if (error == NULL)
        kz_store_commit (store, &error);
      else
        kz_store_rollback (store);
    }

  if (error != NULL)
    message = g_strdup_printf (_("Could not remove the contacts: %s"), error->message);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u expired contact removed",
                                            "%u expired contacts removed", n), n);
  kz_undo_manager_clear (kz_window_get_undo_manager (self));
  kz_window_add_toast (self, adw_toast_new (message));
}

static void
remove_expired_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  KzWindow *self = KZ_WINDOW (widget);
  KzContext *context = kz_window_get_context (self);
  g_autofree char *today = kz_today_iso ();
  g_autoptr(GListModel) expired = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;
  guint n;

  if (context == NULL)
    return;
  if (!(expired = kz_store_list_expired_contacts (kz_context_get_store (context), today, &error)))
    {
      kz_window_add_toast (self, adw_toast_new (error->message));
      return;
    }
  if ((n = g_list_model_get_n_items (expired)) == 0)
    {
      kz_window_add_toast (self, adw_toast_new (_("No contacts are past their deletion date")));
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Remove Expired Contacts?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "%u contact is past the deletion date agreed with it. It will be removed for good, without going to the trash.",
                                               "%u contacts are past the deletion date agreed with them. They will be removed for good, without going to the trash.",
                                               n), n);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "kz-expired", g_steal_pointer (&expired), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_expired_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_kz_window_records_update_actions (KzWindow *self)
{
  KzUndoManager *undo_manager = kz_window_get_undo_manager (self);
  gboolean ready = undo_manager != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 ready && kz_undo_manager_can_undo (undo_manager));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 ready && kz_undo_manager_can_redo (undo_manager));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-record", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-child", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-record", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-expired-contacts", ready);
}

/* The main menu names what Undo and Redo would do. */
void
_kz_window_records_update_menu (KzWindow *self,
                                GMenu    *section)
{
  KzUndoManager *undo_manager = kz_window_get_undo_manager (self);
  const char *undo = undo_manager ? kz_undo_manager_get_undo_label (undo_manager) : NULL;
  const char *redo = undo_manager ? kz_undo_manager_get_redo_label (undo_manager) : NULL;
  g_autofree char *undo_text = undo ? g_strdup_printf (_("_Undo: %s"), undo) : g_strdup (_("_Undo"));
  g_autofree char *redo_text = redo ? g_strdup_printf (_("_Redo: %s"), redo) : g_strdup (_("_Redo"));

  g_menu_remove_all (section);
  g_menu_append (section, undo_text, "win.undo");
  g_menu_append (section, redo_text, "win.redo");
  g_menu_append (section, _("Remove _Expired Contacts…"), "win.remove-expired-contacts");
}

/* From an organisation's page to visit mode on "In the Field"; the
 * organisation joins the trip. */
static void
start_visit_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KzWindow *self = KZ_WINDOW (widget);
  const char *uuid = g_variant_get_string (parameter, NULL);
  GtkWidget *trip;

  if (!kz_window_show_page (self, "field"))
    return;
  trip = gtk_stack_get_child_by_name (self->page_stack, "field");
  g_return_if_fail (KZ_IS_TRIP_PAGE (trip));
  kz_trip_page_start_visit (KZ_TRIP_PAGE (trip), uuid);
}

void
_kz_window_records_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.start-visit", "s", start_visit_action);
  gtk_widget_class_install_action (widget_class, "win.show-record", "(is)", show_record_action);
  gtk_widget_class_install_action (widget_class, "win.new-child", "(iss)", new_child_action);
  gtk_widget_class_install_action (widget_class, "win.delete-record", "(is)", delete_record_action);
  gtk_widget_class_install_action (widget_class, "win.show-message", "s", show_message_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.remove-expired-contacts", NULL, remove_expired_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
}
