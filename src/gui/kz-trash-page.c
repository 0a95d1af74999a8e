/* kz-trash-page.c
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

#define G_LOG_DOMAIN "kz-trash-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kz-record-sections.h"
#include "kz-trash-page.h"

struct _KzTrashPage
{
  AdwBin         parent_instance;

  KzContext     *context;
  KzUndoManager *undo_manager;
  GPtrArray     *records;     /* KzRecord, deleted */
  char          *subtitle;
  gboolean       dirty;

  /* template */
  GtkStack      *stack;
  GtkListBox    *list_box;
};

G_DEFINE_FINAL_TYPE (KzTrashPage, kz_trash_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_UNDO_MANAGER,
  PROP_SUBTITLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
set_subtitle (KzTrashPage *self)
{
  guint n = self->records->len;
  g_autofree char *text = n ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u deleted record",
                                                            "%u deleted records", n), n)
                            : NULL;

  if (g_strcmp0 (text, self->subtitle) != 0)
    {
      g_free (self->subtitle);
      self->subtitle = g_steal_pointer (&text);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SUBTITLE]);
    }
}

static void
restore_clicked_cb (GtkButton *button,
                    KzRecord  *record)
{
  g_autofree char *label = kz_record_action_label (_("Restore “%s”"), record);
  g_autoptr(GError) error = NULL;
  KzTrashPage *self = KZ_TRASH_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (button), KZ_TYPE_TRASH_PAGE));

  if (!kz_undo_manager_restore (self->undo_manager, kz_record_get_kind (record),
                                kz_record_get_uuid (record), label, &error))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-message", "s", error->message);
}

static GtkWidget *
create_row (KzRecord *record)
{
  const char *title = kz_record_get_title (record);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore"));
  g_autofree char *accessible = kz_record_action_label (_("Restore “%s”"), record);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 title && title[0] ? title : g_dgettext (GETTEXT_PACKAGE, kz_record_get_info (record)->label));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), g_dgettext (GETTEXT_PACKAGE, kz_record_get_info (record)->label));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, accessible);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_signal_connect_data (button, "clicked", G_CALLBACK (restore_clicked_cb),
                         g_object_ref (record), (GClosureNotify)(void (*)(void))g_object_unref, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
empty_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   KzTrashPage      *self)
{
  KzStore *store = kz_context_get_store (self->context);
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "empty"))
    return;

  /* Purged records cannot come back: nothing to undo any more. */
  if (kz_store_begin (store, &error))
    {
      for (guint i = 0; i < self->records->len && error == NULL; i++)
        kz_store_purge (store, kz_record_get_kind (self->records->pdata[i]),
                        kz_record_get_uuid (self->records->pdata[i]), &error);
      if (error == NULL)
        kz_store_commit (store, &error);
      else
        kz_store_rollback (store);
    }
  kz_undo_manager_clear (self->undo_manager);
  if (error != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-message", "s", error->message);
  kz_trash_page_reload (self);
}

static void
empty_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  KzTrashPage *self = KZ_TRASH_PAGE (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Empty the Trash?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "%u record will be removed for good. This cannot be undone.",
                                               "%u records will be removed for good. This cannot be undone.",
                                               self->records->len),
                                  self->records->len);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "empty", _("_Empty Trash"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "empty", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (empty_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
context_changed_cb (KzTrashPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    kz_trash_page_reload (self);
  else
    self->dirty = TRUE;
}

static void
kz_trash_page_map (GtkWidget *widget)
{
  KzTrashPage *self = KZ_TRASH_PAGE (widget);

  GTK_WIDGET_CLASS (kz_trash_page_parent_class)->map (widget);
  if (self->dirty)
    kz_trash_page_reload (self);
}

static void
kz_trash_page_constructed (GObject *object)
{
  KzTrashPage *self = KZ_TRASH_PAGE (object);

  G_OBJECT_CLASS (kz_trash_page_parent_class)->constructed (object);

  g_signal_connect_object (self->context, "changed", G_CALLBACK (context_changed_cb),
                           self, G_CONNECT_SWAPPED);
  kz_trash_page_reload (self);
}

static void
kz_trash_page_dispose (GObject *object)
{
  KzTrashPage *self = KZ_TRASH_PAGE (object);

  /* AdwBin unparents its child itself. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KZ_TYPE_TRASH_PAGE);
  g_clear_object (&self->context);
  g_clear_object (&self->undo_manager);
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_clear_pointer (&self->subtitle, g_free);

  G_OBJECT_CLASS (kz_trash_page_parent_class)->dispose (object);
}

static void
kz_trash_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KzTrashPage *self = KZ_TRASH_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_UNDO_MANAGER:
      g_value_set_object (value, self->undo_manager);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kz_trash_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  KzTrashPage *self = KZ_TRASH_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_UNDO_MANAGER:
      self->undo_manager = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kz_trash_page_class_init (KzTrashPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kz_trash_page_constructed;
  object_class->dispose = kz_trash_page_dispose;
  object_class->get_property = kz_trash_page_get_property;
  object_class->set_property = kz_trash_page_set_property;
  widget_class->map = kz_trash_page_map;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, KZ_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_UNDO_MANAGER] =
    g_param_spec_object ("undo-manager", NULL, NULL, KZ_TYPE_UNDO_MANAGER,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Kompetenz/ui/kz-trash-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KzTrashPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KzTrashPage, list_box);

  gtk_widget_class_install_action (widget_class, "trash.empty", NULL, empty_action);
}

static void
kz_trash_page_init (KzTrashPage *self)
{
  self->records = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kz_trash_page_new (KzContext     *context,
                   KzUndoManager *undo_manager)
{
  g_return_val_if_fail (KZ_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (KZ_IS_UNDO_MANAGER (undo_manager), NULL);

  return g_object_new (KZ_TYPE_TRASH_PAGE,
                       "context", context,
                       "undo-manager", undo_manager,
                       NULL);
}

guint
kz_trash_page_get_n_items (KzTrashPage *self)
{
  g_return_val_if_fail (KZ_IS_TRASH_PAGE (self), 0);

  return self->records->len;
}

const char *
kz_trash_page_get_subtitle (KzTrashPage *self)
{
  g_return_val_if_fail (KZ_IS_TRASH_PAGE (self), NULL);

  return self->subtitle;
}

void
kz_trash_page_reload (KzTrashPage *self)
{
  KzStore *store;
  GtkWidget *child;

  g_return_if_fail (KZ_IS_TRASH_PAGE (self));

  store = kz_context_get_store (self->context);
  self->dirty = FALSE;
  g_ptr_array_set_size (self->records, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))))
    gtk_list_box_remove (self->list_box, child);

  for (guint k = 0; k < KZ_N_KINDS; k++)
    {
      g_autoptr(GListModel) model = kz_store_list_deleted (store, k, NULL);

      for (guint i = 0; model && i < g_list_model_get_n_items (model); i++)
        {
          KzRecord *record = g_list_model_get_item (model, i);

          g_ptr_array_add (self->records, record);
          gtk_list_box_append (self->list_box, create_row (record));
        }
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trash.empty", self->records->len > 0);
  gtk_stack_set_visible_child_name (self->stack, self->records->len ? "list" : "empty");
  set_subtitle (self);
}
