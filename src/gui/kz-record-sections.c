/* kz-record-sections.c
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

#define G_LOG_DOMAIN "kz-record-sections"

#include "config.h"

#include <glib/gi18n.h>

#include "kz-format.h"
#include "kz-kind-labels.h"
#include "kz-record-sections.h"

/* Titles of a link seen from its second kind. */
static const char *link_b_titles[KZ_N_LINKS] = {
  [KZ_LINK_PROJECT_ORGANISATION] = N_("Projects taking part in"),
  [KZ_LINK_PARTNERSHIP_ORGANISATION] = N_("Partnerships"),
  [KZ_LINK_PARTNERSHIP_PROJECT] = N_("Partnerships"),
  [KZ_LINK_APPLICATION_PROJECT] = N_("Funding applications"),
  [KZ_LINK_TRAINING_PROJECT] = N_("Trainings"),
};

typedef struct
{
  KzUndoManager *undo_manager;
  KzKind         kind;
  char          *uuid;
  char          *label;
  KzLink         link;
  char          *a;
  char          *b;
} RowData;

static void
row_data_free (gpointer data)
{
  RowData *row = data;

  g_clear_object (&row->undo_manager);
  g_free (row->uuid);
  g_free (row->label);
  g_free (row->a);
  g_free (row->b);
  g_free (row);
}

static const char *
tr (const char *msgid)
{
  return g_dgettext (GETTEXT_PACKAGE, msgid);
}

char *
kz_today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

gboolean
kz_contact_is_expired (KzRecord   *contact,
                       const char *today)
{
  const char *date;

  g_return_val_if_fail (KZ_IS_RECORD (contact), FALSE);

  date = kz_record_get_string (contact, "deletion_date");
  return date != NULL && g_strcmp0 (date, today) < 0;
}

char *
kz_record_action_label (const char *verb_format,
                        KzRecord   *record)
{
  const char *title = kz_record_get_title (record);

  if (title == NULL || title[0] == 0)
    title = tr (kz_record_get_info (record)->label);

  return g_strdup_printf (verb_format, title);
}

static void
show_error (GtkWidget    *widget,
            const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (ADW_IS_APPLICATION_WINDOW (root))
    gtk_widget_activate_action (widget, "win.show-message", "s", error->message);
  else
    g_warning ("%s", error->message);
}

/* A short description beside a record's name: its first set fields. */
static char *
summary (KzRecord *record)
{
  const KzKindInfo *info = kz_record_get_info (record);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < info->n_fields && parts->len < 2; i++)
    {
      const KzField *f = &info->fields[i];
      char *text;

      if (i == info->title_field || f->type == KZ_FIELD_REF || f->type == KZ_FIELD_BOOL ||
          (f->flags & KZ_FIELD_FLAG_MULTILINE) || !kz_record_is_set (record, f->name))
        continue;
      if ((text = kz_format_field (record, f->name)) != NULL)
        g_ptr_array_add (parts, g_strdup_printf ("%s: %s", tr (f->label), text));
      g_free (text);
    }
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **)parts->pdata);
}

/* Callbacks */

static void
row_activated_cb (AdwActionRow *row,
                  RowData      *data)
{
  gtk_widget_activate_action (GTK_WIDGET (row), "win.show-record", "(is)", (int)data->kind, data->uuid);
}

static void
delete_clicked_cb (GtkButton *button,
                   RowData   *data)
{
  gtk_widget_activate_action (GTK_WIDGET (button), "win.delete-record", "(is)", (int)data->kind, data->uuid);
}

static void
unlink_clicked_cb (GtkButton *button,
                   RowData   *data)
{
  g_autoptr(GError) error = NULL;

  if (!kz_undo_manager_set_linked (data->undo_manager, data->link, data->a, data->b,
                                   FALSE, data->label, &error))
    show_error (GTK_WIDGET (button), error);
}

static void
done_toggled_cb (GtkCheckButton *check,
                 RowData        *data)
{
  KzStore *store = kz_undo_manager_get_store (data->undo_manager);
  g_autoptr(KzRecord) record = kz_store_get (store, data->kind, data->uuid, NULL);
  g_autoptr(GError) error = NULL;
  gboolean active = gtk_check_button_get_active (check);

  if (record == NULL || kz_record_get_bool (record, "done") == active)
    return;

  kz_record_set_bool (record, "done", active);
  if (!kz_undo_manager_save (data->undo_manager, record, data->label, &error))
    show_error (GTK_WIDGET (check), error);
}

static GtkWidget *
icon_button (const char *icon_name,
             const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

/* The last row of a group: adds a record or a link. */
static GtkWidget *
add_row (const char *label)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("list-add-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_add_css_class (row, "kz-add-row");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  return row;
}

static RowData *
row_data_new (KzUndoManager *undo_manager,
              KzRecord      *record)
{
  RowData *data = g_new0 (RowData, 1);

  data->undo_manager = g_object_ref (undo_manager);
  data->kind = kz_record_get_kind (record);
  data->uuid = g_strdup (kz_record_get_uuid (record));
  return data;
}

/* The name of a record in a list below another record of @context:
 * a registration is named by its training on an organisation's page,
 * a visit by its date. */
static char *
display_title (KzStore  *store,
               KzRecord *record,
               KzKind    context)
{
  const KzKindInfo *info = kz_record_get_info (record);
  const KzField *field = &info->fields[info->title_field];
  const char *title;

  if (field->type == KZ_FIELD_REF)
    {
      for (guint i = 0; i < info->n_fields; i++)
        if (info->fields[i].type == KZ_FIELD_REF && info->fields[i].ref_kind != context)
          {
            field = &info->fields[i];
            break;
          }
      if (kz_record_get_string (record, field->name) != NULL)
        {
          g_autoptr(KzRecord) other = kz_store_get (store, field->ref_kind,
                                                    kz_record_get_string (record, field->name), NULL);

          if (other != NULL && kz_record_get_title (other) != NULL)
            return g_strdup (kz_record_get_title (other));
        }
    }
  else if (field->type != KZ_FIELD_TEXT && kz_record_is_set (record, field->name))
    return kz_format_field (record, field->name);

  title = kz_record_get_title (record);
  return g_strdup (title && title[0] ? title : tr (info->label));
}

static GtkWidget *
record_row (KzUndoManager *undo_manager,
            KzRecord      *record,
            KzKind         context,
            const char    *today)
{
  GtkWidget *row = adw_action_row_new ();
  RowData *data = row_data_new (undo_manager, record);
  g_autofree char *title = display_title (kz_undo_manager_get_store (undo_manager), record, context);
  g_autofree char *subtitle = summary (record);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "kz-row-data", data, row_data_free);
  g_signal_connect (row, "activated", G_CALLBACK (row_activated_cb), data);

  if (kz_record_get_kind (record) == KZ_KIND_CONTACT && kz_contact_is_expired (record, today))
    {
      GtkWidget *flag = gtk_label_new (_("Deletion date passed"));

      gtk_widget_add_css_class (flag, "error");
      gtk_widget_add_css_class (flag, "caption-heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), flag);
    }
  if (kz_kind_find_field (data->kind, "done") >= 0)
    {
      GtkWidget *check = gtk_check_button_new ();

      data->label = g_strdup (_("Mark as Done"));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), kz_record_get_bool (record, "done"));
      gtk_widget_set_tooltip_text (check, _("Done"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Done"), -1);
      g_signal_connect (check, "toggled", G_CALLBACK (done_toggled_cb), data);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
    }
  return row;
}

/* After any buttons of the row: the row opens its record. */
static void
add_chevron (GtkWidget *row)
{
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
}

static void
add_clicked_cb (GtkWidget *button,
                gpointer   user_data)
{
  const char *target = g_object_get_data (G_OBJECT (button), "kz-target");
  const char *field = g_object_get_data (G_OBJECT (button), "kz-field");
  int kind = GPOINTER_TO_INT (user_data);

  gtk_widget_activate_action (GTK_WIDGET (button), "win.new-child", "(iss)", kind, field, target);
}

static GtkWidget *
group_new (GtkBox     *box,
           const char *title,
           guint       count)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (count == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _("None yet"));
  gtk_box_append (box, group);
  return group;
}

/* Records of @kind whose @field refers to @record. */
static void
add_referring (GtkBox        *box,
               KzUndoManager *undo_manager,
               KzRecord      *record,
               KzKind         kind,
               int            field_index,
               const char    *today)
{
  const KzKindInfo *info = kz_kind_get_info (kind);
  const KzField *field = &info->fields[field_index];
  KzStore *store = kz_undo_manager_get_store (undo_manager);
  g_autoptr(GListModel) model = kz_store_list_by_ref (store, kind, field->name, kz_record_get_uuid (record), NULL);
  guint n = model ? g_list_model_get_n_items (model) : 0;
  gboolean child = info->parent_field == field_index;
  gboolean plain = child || g_str_equal (field->label, kz_kind_get_info (field->ref_kind)->label);
  g_autofree char *title = plain ? g_strdup (tr (info->plural_label))
                                 : g_strdup_printf ("%s (%s)", tr (info->plural_label), tr (field->label));
  GtkWidget *group = group_new (box, title, n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KzRecord) item = g_list_model_get_item (model, i);
      GtkWidget *row = record_row (undo_manager, item, kz_record_get_kind (record), today);

      if (child)
        {
          GtkWidget *del = icon_button ("user-trash-symbolic", _("Delete"));

          g_signal_connect (del, "clicked", G_CALLBACK (delete_clicked_cb),
                            g_object_get_data (G_OBJECT (row), "kz-row-data"));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), del);
        }
      add_chevron (row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  if (child || info->parent_field < 0)
    {
      g_autofree char *label = g_strdup (tr (kz_kind_get_labels (info->kind)->add));
      GtkWidget *add = add_row (label);

      g_object_set_data_full (G_OBJECT (add), "kz-target", g_strdup (kz_record_get_uuid (record)), g_free);
      g_object_set_data (G_OBJECT (add), "kz-field", (gpointer)field->name);
      g_signal_connect (add, "activated", G_CALLBACK (add_clicked_cb), GINT_TO_POINTER (kind));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), add);
    }
}

/* Links */

static void
pick_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  RowData          *data)
{
  GtkDropDown *drop_down = g_object_get_data (G_OBJECT (dialog), "kz-drop-down");
  GPtrArray *uuids = g_object_get_data (G_OBJECT (dialog), "kz-uuids");
  guint pos = gtk_drop_down_get_selected (drop_down);
  g_autoptr(GError) error = NULL;
  const char *other;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  if (!g_str_equal (response, "add") || pos >= uuids->len)
    return;

  other = uuids->pdata[pos];
  if (!kz_undo_manager_set_linked (data->undo_manager, data->link,
                                   data->a ? data->a : other, data->b ? data->b : other,
                                   TRUE, data->label, &error) && parent != NULL)
    show_error (GTK_WIDGET (parent), error);
}

static int
compare_titles (gconstpointer a,
                gconstpointer b,
                gpointer      titles)
{
  return g_utf8_collate (g_hash_table_lookup (titles, *(char **)a),
                         g_hash_table_lookup (titles, *(char **)b));
}

static void
link_add_clicked_cb (GtkWidget *button,
                     RowData   *data)
{
  KzStore *store = kz_undo_manager_get_store (data->undo_manager);
  const KzKindInfo *other = kz_kind_get_info (data->kind);
  g_autoptr(GHashTable) titles = kz_store_get_titles (store, data->kind, NULL);
  GPtrArray *uuids = g_ptr_array_new_with_free_func (g_free);
  GtkStringList *labels = gtk_string_list_new (NULL);
  GtkWidget *dialog, *drop_down;
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, titles);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (uuids, g_strdup (key));
  g_ptr_array_sort_with_data (uuids, compare_titles, titles);
  for (guint i = 0; i < uuids->len; i++)
    gtk_string_list_append (labels, g_hash_table_lookup (titles, uuids->pdata[i]));

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button))),
                                   data->label, NULL);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), tr (kz_kind_get_labels (other->kind)->choose));
  drop_down = gtk_drop_down_new (G_LIST_MODEL (labels),
                                 gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (drop_down), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, tr (other->label), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), drop_down);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  g_object_set_data (G_OBJECT (dialog), "kz-drop-down", drop_down);
  g_object_set_data_full (G_OBJECT (dialog), "kz-uuids", uuids, (GDestroyNotify)g_ptr_array_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (pick_response_cb), data);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_link_group (GtkBox        *box,
                KzUndoManager *undo_manager,
                KzRecord      *record,
                const KzLinkInfo *link,
                gboolean       from_a,
                const char    *today)
{
  KzStore *store = kz_undo_manager_get_store (undo_manager);
  const char *uuid = kz_record_get_uuid (record);
  g_autoptr(GListModel) model = kz_store_list_linked (store, link->link, uuid, from_a, NULL);
  guint n = model ? g_list_model_get_n_items (model) : 0;
  GtkWidget *group = group_new (box, from_a ? tr (link->label) : tr (link_b_titles[link->link]), n);
  KzKind other = from_a ? link->b_kind : link->a_kind;
  g_autofree char *add_label = g_strdup (tr (kz_kind_get_labels (other)->add));
  GtkWidget *add;
  RowData *add_data = g_new0 (RowData, 1);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KzRecord) item = g_list_model_get_item (model, i);
      GtkWidget *row = record_row (undo_manager, item, kz_record_get_kind (record), today);
      RowData *data = g_object_get_data (G_OBJECT (row), "kz-row-data");
      GtkWidget *remove = icon_button ("list-remove-symbolic", _("Remove Link"));

      data->link = link->link;
      data->a = g_strdup (from_a ? uuid : kz_record_get_uuid (item));
      data->b = g_strdup (from_a ? kz_record_get_uuid (item) : uuid);
      g_free (data->label);
      data->label = g_strdup (_("Remove Link"));
      g_signal_connect (remove, "clicked", G_CALLBACK (unlink_clicked_cb), data);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      add_chevron (row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  add = add_row (add_label);
  add_data->undo_manager = g_object_ref (undo_manager);
  add_data->kind = other;
  add_data->link = link->link;
  add_data->label = g_strdup (add_label);
  add_data->a = from_a ? g_strdup (uuid) : NULL;
  add_data->b = from_a ? NULL : g_strdup (uuid);
  g_object_set_data_full (G_OBJECT (add), "kz-row-data", add_data, row_data_free);
  g_signal_connect (add, "activated", G_CALLBACK (link_add_clicked_cb), add_data);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), add);
}

void
kz_record_sections_build (GtkBox        *box,
                          KzContext     *context,
                          KzUndoManager *undo_manager,
                          KzRecord      *record)
{
  KzKind kind;
  g_autofree char *today = kz_today_iso ();

  g_return_if_fail (GTK_IS_BOX (box));
  g_return_if_fail (KZ_IS_RECORD (record));

  kind = kz_record_get_kind (record);
  for (guint k = 0; k < KZ_N_KINDS; k++)
    {
      const KzKindInfo *info = kz_kind_get_info (k);

      for (guint i = 0; i < info->n_fields; i++)
        if (info->fields[i].type == KZ_FIELD_REF && info->fields[i].ref_kind == kind)
          add_referring (box, undo_manager, record, k, i, today);
    }

  for (guint l = 0; l < KZ_N_LINKS; l++)
    {
      const KzLinkInfo *link = kz_link_get_info (l);

      if (link->a_kind == kind)
        add_link_group (box, undo_manager, record, link, TRUE, today);
      if (link->b_kind == kind)
        add_link_group (box, undo_manager, record, link, FALSE, today);
    }
}
