/* kz-field-row.c
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

#define G_LOG_DOMAIN "kz-field-row"

#include "config.h"

#include <glib/gi18n.h>

#include "kz-field-row.h"
#include "kz-format.h"

/* Typed text is saved this long after the last key press. */
#define IDLE_COMMIT_MS 1200

/* One editor for one field: the row the user edits, and a row below it
 * that shows why a value was refused.  Owned by the editor row. */
struct _KzFieldRow
{
  const KzField     *field;
  KzFieldCommitFunc  commit;
  gpointer           user_data;
  GtkWidget         *row;        /* in the group */
  GtkWidget         *editor;     /* entry row, text view, combo, drop-down or switch */
  GtkWidget         *message_row;
  GtkLabel          *message;
  GPtrArray         *ids;        /* CHOICE and REF: value of each position, "" for none */
  guint              idle_source;
  gboolean           updating;
  gboolean           dirty;      /* typed, not yet saved */
};

static void
field_row_free (gpointer data)
{
  KzFieldRow *self = data;

  g_clear_handle_id (&self->idle_source, g_source_remove);
  g_clear_pointer (&self->ids, g_ptr_array_unref);
  g_free (self);
}

static const char *
field_label (const KzField *field)
{
  return g_dgettext (GETTEXT_PACKAGE, field->label);
}

/* Text shown in an entry: formatted the way people type it back. */
static char *
display_text (const KzField *field,
              KzRecord      *record)
{
  if (record == NULL || !kz_record_is_set (record, field->name))
    return g_strdup ("");
  if (field->type == KZ_FIELD_TEXT || field->type == KZ_FIELD_TIME)
    return kz_record_dup_text (record, field->name);

  return kz_format_field (record, field->name);
}

static char *
editor_dup_text (KzFieldRow *self)
{
  if (GTK_IS_TEXT_VIEW (self->editor))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  if (GTK_IS_SWITCH (self->editor))
    return g_strdup (gtk_switch_get_active (GTK_SWITCH (self->editor)) ? "true" : "false");
  if (ADW_IS_COMBO_ROW (self->editor) || GTK_IS_DROP_DOWN (self->editor))
    {
      guint pos = ADW_IS_COMBO_ROW (self->editor)
                  ? adw_combo_row_get_selected (ADW_COMBO_ROW (self->editor))
                  : gtk_drop_down_get_selected (GTK_DROP_DOWN (self->editor));

      if (pos >= self->ids->len)
        return g_strdup ("");
      return g_strdup (g_ptr_array_index (self->ids, pos));
    }

  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->editor)));
}

/* Callbacks */

static gboolean
idle_commit_cb (gpointer user_data)
{
  KzFieldRow *self = user_data;

  self->idle_source = 0;
  kz_field_row_commit (self);
  return G_SOURCE_REMOVE;
}

static void
text_changed_cb (KzFieldRow *self)
{
  if (self->updating)
    return;

  self->dirty = TRUE;
  g_clear_handle_id (&self->idle_source, g_source_remove);
  /* Only free text is saved while typing; dates and amounts would be
   * refused half-typed. */
  if (self->field->type == KZ_FIELD_TEXT)
    self->idle_source = g_timeout_add (IDLE_COMMIT_MS, idle_commit_cb, self);
}

static void
commit_cb (KzFieldRow *self)
{
  if (!self->updating)
    kz_field_row_commit (self);
}

static void
add_focus_leave (KzFieldRow *self,
                 GtkWidget  *widget)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_swapped (focus, "leave", G_CALLBACK (commit_cb), self);
  gtk_widget_add_controller (widget, focus);
}

/* Editors */

static void
build_entry (KzFieldRow *self)
{
  self->row = self->editor = adw_entry_row_new ();
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self->editor), TRUE);
  /* Ctrl+Z undoes saved edits of the record (win.undo), the same
   * wherever the focus is. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->editor), FALSE);
  if (self->field->type == KZ_FIELD_INT || self->field->type == KZ_FIELD_NUMBER ||
      self->field->type == KZ_FIELD_MONEY)
    gtk_widget_add_css_class (self->editor, "numeric");
  if (self->field->flags & KZ_FIELD_FLAG_EMAIL)
    adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (self->editor), GTK_INPUT_PURPOSE_EMAIL);
  else if (self->field->flags & KZ_FIELD_FLAG_URL)
    adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (self->editor), GTK_INPUT_PURPOSE_URL);

  g_signal_connect_swapped (self->editor, "apply", G_CALLBACK (commit_cb), self);
  g_signal_connect_swapped (self->editor, "entry-activated", G_CALLBACK (commit_cb), self);
  g_signal_connect_swapped (self->editor, "changed", G_CALLBACK (text_changed_cb), self);
  add_focus_leave (self, self->editor);
}

static void
build_text_view (KzFieldRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (field_label (self->field));
  GtkTextBuffer *buffer;

  self->editor = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->editor), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self->editor), FALSE);
  gtk_widget_set_size_request (self->editor, -1, 80);
  gtk_widget_add_css_class (self->editor, "kz-multiline");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->editor),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, field_label (self->field), -1);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), self->editor);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  /* A preferences row, so that the group puts it into its list. */
  self->row = adw_preferences_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->row), field_label (self->field));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, field_label (self->field), -1);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self->row), box);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor));
  g_signal_connect_swapped (buffer, "changed", G_CALLBACK (text_changed_cb), self);
  add_focus_leave (self, self->editor);
}

static void
build_choice (KzFieldRow *self)
{
  const KzVocabulary *vocab = self->field->vocab;
  GtkStringList *labels = gtk_string_list_new (NULL);

  self->ids = g_ptr_array_new ();
  if (!(self->field->flags & KZ_FIELD_FLAG_REQUIRED))
    {
      gtk_string_list_append (labels, C_("choice", "None"));
      g_ptr_array_add (self->ids, (gpointer)"");
    }
  for (guint i = 0; i < vocab->n_terms; i++)
    {
      gtk_string_list_append (labels, kz_vocabulary_get_label (vocab, vocab->terms[i].id));
      g_ptr_array_add (self->ids, (gpointer)vocab->terms[i].id);
    }

  self->row = self->editor = adw_combo_row_new ();
  adw_combo_row_set_model (ADW_COMBO_ROW (self->editor), G_LIST_MODEL (labels));
  g_object_unref (labels);
  g_signal_connect_swapped (self->editor, "notify::selected", G_CALLBACK (commit_cb), self);
}

static int
compare_titles (gconstpointer a,
                gconstpointer b,
                gpointer      titles)
{
  return g_utf8_collate (g_hash_table_lookup (titles, *(char **)a),
                         g_hash_table_lookup (titles, *(char **)b));
}

/* References pick among many records: a drop-down with a search entry. */

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  shorten)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (shorten))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
      gtk_label_set_width_chars (GTK_LABEL (label), 6);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  shorten)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (string));
}

static GtkListItemFactory *
ellipsizing_factory (gboolean shorten)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), GINT_TO_POINTER (shorten));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), GINT_TO_POINTER (shorten));
  return factory;
}

static void
set_ellipsizing_factories (GtkDropDown *drop_down)
{
  g_autoptr(GtkListItemFactory) face = ellipsizing_factory (TRUE);
  g_autoptr(GtkListItemFactory) list = ellipsizing_factory (FALSE);

  gtk_drop_down_set_factory (drop_down, face);
  gtk_drop_down_set_list_factory (drop_down, list);
}
static void
build_ref (KzFieldRow *self,
           GHashTable *titles)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) uuids = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  self->ids = g_ptr_array_new_with_free_func (g_free);
  if (!(self->field->flags & KZ_FIELD_FLAG_REQUIRED))
    {
      gtk_string_list_append (labels, C_("reference", "None"));
      g_ptr_array_add (self->ids, g_strdup (""));
    }
  if (titles != NULL)
    {
      g_hash_table_iter_init (&iter, titles);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_ptr_array_add (uuids, key);
      g_ptr_array_sort_with_data (uuids, compare_titles, titles);
    }
  for (guint i = 0; i < uuids->len; i++)
    {
      gtk_string_list_append (labels, g_hash_table_lookup (titles, uuids->pdata[i]));
      g_ptr_array_add (self->ids, g_strdup (uuids->pdata[i]));
    }

  self->editor = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)),
                                    gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (self->editor), TRUE);
  /* The button shows the name shortened, the list shows it whole, so
   * that a long name never squeezes the row's title on narrow windows. */
  set_ellipsizing_factories (GTK_DROP_DOWN (self->editor));
  gtk_widget_set_valign (self->editor, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (self->editor, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->editor),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, field_label (self->field), -1);

  self->row = adw_action_row_new ();
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->row), self->editor);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self->row), self->editor);
  g_signal_connect_swapped (self->editor, "notify::selected", G_CALLBACK (commit_cb), self);
}

static void
build_switch (KzFieldRow *self)
{
  self->editor = gtk_switch_new ();
  gtk_widget_set_valign (self->editor, GTK_ALIGN_CENTER);
  self->row = adw_action_row_new ();
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->row), self->editor);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self->row), self->editor);
  g_signal_connect_swapped (self->editor, "notify::active", G_CALLBACK (commit_cb), self);
}

static void
build_message_row (KzFieldRow *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, NULL, -1);

  self->message = GTK_LABEL (label);
  self->message_row = adw_preferences_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->message_row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (self->message_row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self->message_row), label);
  gtk_widget_set_visible (self->message_row, FALSE);
}

/* Public API */

KzFieldRow *
kz_field_row_new (const KzField     *field,
                  KzRecord          *record,
                  GHashTable        *ref_titles,
                  KzFieldCommitFunc  commit,
                  gpointer           user_data)
{
  KzFieldRow *self;

  g_return_val_if_fail (field != NULL, NULL);
  g_return_val_if_fail (commit != NULL, NULL);

  self = g_new0 (KzFieldRow, 1);
  self->field = field;
  self->commit = commit;
  self->user_data = user_data;

  if (field->type == KZ_FIELD_BOOL)
    build_switch (self);
  else if (field->type == KZ_FIELD_CHOICE)
    build_choice (self);
  else if (field->type == KZ_FIELD_REF)
    build_ref (self, ref_titles);
  else if (field->flags & KZ_FIELD_FLAG_MULTILINE)
    build_text_view (self);
  else
    build_entry (self);

  if (ADW_IS_ACTION_ROW (self->row) || ADW_IS_ENTRY_ROW (self->row) || ADW_IS_COMBO_ROW (self->row))
    {
      g_autofree char *title = g_strdup_printf ((field->flags & KZ_FIELD_FLAG_REQUIRED) ? _("%s (required)") : "%s",
                                                field_label (field));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->row), title);
    }
  if (field->type == KZ_FIELD_DATE)
    gtk_widget_set_tooltip_text (self->row, _("A date such as 31.12.2026"));
  if (field->type == KZ_FIELD_LIST)
    gtk_widget_set_tooltip_text (self->row, _("Separate several values with commas"));

  build_message_row (self);
  g_object_set_data_full (G_OBJECT (self->row), "kz-field-row", self, field_row_free);
  kz_field_row_update (self, record);
  return self;
}

void
kz_field_row_add_to_group (KzFieldRow          *self,
                           AdwPreferencesGroup *group)
{
  g_return_if_fail (self != NULL);

  adw_preferences_group_add (group, self->row);
  adw_preferences_group_add (group, self->message_row);
}

GtkWidget *
kz_field_row_get_widget (KzFieldRow *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->editor;
}

const KzField *
kz_field_row_get_field (KzFieldRow *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->field;
}

void
kz_field_row_set_error (KzFieldRow *self,
                        const char *message)
{
  g_return_if_fail (self != NULL);

  gtk_label_set_text (self->message, message ? message : "");
  gtk_widget_set_visible (self->message_row, message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (self->row, "error");
  else
    gtk_widget_remove_css_class (self->row, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->editor),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message ? message : "",
                                  -1);
  if (message != NULL)
    gtk_accessible_update_state (GTK_ACCESSIBLE (self->editor),
                                 GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
  else
    gtk_accessible_reset_state (GTK_ACCESSIBLE (self->editor), GTK_ACCESSIBLE_STATE_INVALID);
}

static guint
find_position (KzFieldRow *self,
               const char *value)
{
  for (guint i = 0; i < self->ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->ids, i), value ? value : "") == 0)
      return i;

  return GTK_INVALID_LIST_POSITION;
}

/* Shows the stored value, e.g. after an undo.  Leaves a field alone
 * while it is being typed in or shows an error, so that the user's
 * text stays. */
void
kz_field_row_update (KzFieldRow *self,
                     KzRecord   *record)
{
  const char *value;

  g_return_if_fail (self != NULL);

  if (self->dirty || gtk_widget_get_visible (self->message_row))
    return;

  if (record != NULL && (self->field->type == KZ_FIELD_CHOICE || self->field->type == KZ_FIELD_REF))
    value = kz_record_get_string (record, self->field->name);
  else
    value = NULL;
  self->updating = TRUE;
  if (GTK_IS_SWITCH (self->editor))
    gtk_switch_set_active (GTK_SWITCH (self->editor), record && kz_record_get_bool (record, self->field->name));
  else if (ADW_IS_COMBO_ROW (self->editor))
    adw_combo_row_set_selected (ADW_COMBO_ROW (self->editor), find_position (self, value));
  else if (GTK_IS_DROP_DOWN (self->editor))
    gtk_drop_down_set_selected (GTK_DROP_DOWN (self->editor), find_position (self, value));
  else
    {
      g_autofree char *text = display_text (self->field, record);
      g_autofree char *current = editor_dup_text (self);

      if (g_strcmp0 (text, current) != 0)
        {
          if (GTK_IS_TEXT_VIEW (self->editor))
            gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor)), text, -1);
          else
            gtk_editable_set_text (GTK_EDITABLE (self->editor), text);
        }
    }
  self->updating = FALSE;
}

/* Hands the edited value to the page; shows its error, if any. */
gboolean
kz_field_row_commit (KzFieldRow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  g_clear_handle_id (&self->idle_source, g_source_remove);
  text = editor_dup_text (self);
  g_strstrip (text);

  if (!self->commit (self->field, text[0] ? text : NULL, self->user_data, &error))
    {
      kz_field_row_set_error (self, error ? error->message : _("The value could not be saved."));
      return FALSE;
    }

  self->dirty = FALSE;
  kz_field_row_set_error (self, NULL);
  return TRUE;
}
