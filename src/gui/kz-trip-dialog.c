/* kz-trip-dialog.c
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

#define G_LOG_DOMAIN "kz-trip-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "kz-format.h"
#include "kz-trip-dialog.h"

struct _KzTripDialog
{
  AdwWindow   parent_instance;

  KzContext  *context;
  GHashTable *chosen;       /* uuid set */
  GtkWidget  *search;
  GtkListBox *list;
  GtkWidget  *confirm;
};

G_DEFINE_FINAL_TYPE (KzTripDialog, kz_trip_dialog, ADW_TYPE_WINDOW)

enum { CHOSEN, N_SIGNALS };
static guint signals [N_SIGNALS];

static void
update_confirm (KzTripDialog *self)
{
  guint n = g_hash_table_size (self->chosen);
  g_autofree char *label = NULL;

  label = n == 0 ? g_strdup (_("_Prepare"))
                 : g_strdup_printf (g_dngettext (NULL, "_Prepare %u Organisation", "_Prepare %u Organisations", n), n);
  gtk_button_set_label (GTK_BUTTON (self->confirm), label);
}

static void
check_toggled_cb (KzTripDialog   *self,
                  GtkCheckButton *check)
{
  const char *uuid = g_object_get_data (G_OBJECT (check), "uuid");

  if (gtk_check_button_get_active (check))
    g_hash_table_add (self->chosen, g_strdup (uuid));
  else
    g_hash_table_remove (self->chosen, uuid);
  update_confirm (self);
}

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       user_data)
{
  KzTripDialog *self = user_data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search));
  const char *haystack = g_object_get_data (G_OBJECT (row), "search");
  g_autofree char *needle = g_utf8_casefold (text, -1);

  return *text == '\0' || strstr (haystack, needle) != NULL;
}

static GtkWidget *
create_row (KzTripDialog *self,
            KzRecord     *org)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *city = kz_format_field (org, "city");
  g_autofree char *umbrella = kz_format_field (org, "umbrella");
  g_autofree char *subtitle = g_strjoin (" · ", city ? city : "", umbrella ? umbrella : "", NULL);
  g_autofree char *search = g_strjoin (" ", kz_record_get_title (org), subtitle, NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), kz_record_get_title (org));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (city || umbrella)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), g_strstrip (subtitle));
  g_object_set_data_full (G_OBJECT (row), "search", g_utf8_casefold (search, -1), g_free);
  g_object_set_data_full (G_OBJECT (check), "uuid", g_strdup (kz_record_get_uuid (org)), g_free);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               g_hash_table_contains (self->chosen, kz_record_get_uuid (org)));
  g_signal_connect_object (check, "toggled", G_CALLBACK (check_toggled_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  return row;
}

static void
fill_list (KzTripDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) orgs = kz_store_list (kz_context_get_store (self->context), KZ_KIND_ORGANISATION, &error);

  if (orgs == NULL)
    {
      g_message ("Could not list the organisations: %s", error->message);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (orgs); i++)
    {
      g_autoptr(KzRecord) org = g_list_model_get_item (orgs, i);

      gtk_list_box_append (self->list, create_row (self, org));
    }
}

static void
confirm_clicked_cb (KzTripDialog *self)
{
  g_autofree char **uuids = (char **)g_hash_table_get_keys_as_array (self->chosen, NULL);

  g_signal_emit (self, signals[CHOSEN], 0, uuids);
  gtk_window_destroy (GTK_WINDOW (self));
}

static GtkWidget *
build_header (KzTripDialog *self)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  self->confirm = gtk_button_new_with_mnemonic (_("_Prepare"));
  gtk_button_set_use_underline (GTK_BUTTON (self->confirm), TRUE);
  gtk_widget_add_css_class (self->confirm, "suggested-action");
  gtk_widget_set_name (self->confirm, "prepare-trip");
  g_signal_connect_object (self->confirm, "clicked", G_CALLBACK (confirm_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (cancel, "clicked", G_CALLBACK (gtk_window_destroy), self, G_CONNECT_SWAPPED);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->confirm);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (_("Prepare Trip"), _("Choose the organisations to visit")));
  return header;
}

static void
build (KzTripDialog *self)
{
  g_auto(GStrv) trip = g_settings_get_strv (kz_context_get_settings (self->context), "trip-organisations");
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  for (guint i = 0; trip[i] != NULL; i++)
    g_hash_table_add (self->chosen, g_strdup (trip[i]));

  self->search = gtk_search_entry_new ();
  gtk_widget_set_name (self->search, "trip-search");
  g_object_set (self->search, "placeholder-text", _("Search organisations"), NULL);
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_list_box_set_filter_func (self->list, filter_row, self, NULL);
  g_signal_connect_object (self->search, "search-changed", G_CALLBACK (gtk_list_box_invalidate_filter),
                           self->list, G_CONNECT_SWAPPED);
  gtk_search_entry_set_key_capture_widget (GTK_SEARCH_ENTRY (self->search), GTK_WIDGET (self));
  fill_list (self);

  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 12);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_box_append (GTK_BOX (content), self->search);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->list));
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), build_header (self));
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (self), box);
  update_confirm (self);
  gtk_widget_grab_focus (self->search);
}

static void
kz_trip_dialog_dispose (GObject *object)
{
  KzTripDialog *self = (KzTripDialog *)object;

  g_clear_object (&self->context);
  g_clear_pointer (&self->chosen, g_hash_table_unref);

  G_OBJECT_CLASS (kz_trip_dialog_parent_class)->dispose (object);
}

static void
kz_trip_dialog_class_init (KzTripDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kz_trip_dialog_dispose;

  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRV);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kz_trip_dialog_init (KzTripDialog *self)
{
  self->chosen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 480, 600);
}

GtkWidget *
kz_trip_dialog_new (KzContext *context)
{
  KzTripDialog *self;

  g_return_val_if_fail (KZ_IS_CONTEXT (context), NULL);

  self = g_object_new (KZ_TYPE_TRIP_DIALOG, NULL);
  self->context = g_object_ref (context);
  build (self);
  return GTK_WIDGET (self);
}
