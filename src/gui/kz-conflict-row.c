/* kz-conflict-row.c
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

#define G_LOG_DOMAIN "kz-conflict-row"

#include "config.h"

#include <glib/gi18n.h>

#include "kz-conflict-row.h"
#include "kz-format.h"
#include "kz-sync-session.h"

struct _KzConflictRow
{
  GtkBox         parent_instance;

  KzContext     *context;
  KzConflict    *conflict;
  KzKind         kind;
  gboolean       known_kind;
  GCancellable  *cancellable;

  GtkWidget     *buttons;
  GtkWidget     *spinner;
  GtkLabel      *status_label;
  GtkRevealer   *edit_revealer;
  GtkEntry      *edit_entry;
  GtkLabel      *edit_error;
};

G_DEFINE_FINAL_TYPE (KzConflictRow, kz_conflict_row, GTK_TYPE_BOX)

/* Formatting */

char *
kz_conflict_format_deleted (const char *value,
                            const char *author)
{
  gboolean deleted = g_strcmp0 (value, "true") == 0;

  if (author == NULL)
    return g_strdup (deleted ? _("Deleted") : _("Kept and edited"));

  /* Translators: %s is a user name */
  return g_strdup_printf (deleted ? _("Deleted by %s") : _("Edited by %s"), author);
}

static char *
format_ref (KzStore       *store,
            const KzField *info,
            const char    *value)
{
  g_autoptr(KzRecord) target = NULL;

  if (store != NULL && (target = kz_store_get (store, info->ref_kind, value, NULL)) != NULL &&
      kz_record_get_title (target) != NULL)
    return g_strdup (kz_record_get_title (target));

  return g_strdup (value);
}

char *
kz_conflict_format_value (KzStore    *store,
                          const char *kind_name,
                          const char *field,
                          const char *value)
{
  g_autoptr(KzRecord) scratch = NULL;
  const KzField *info;
  char *text;
  KzKind kind;

  if (value == NULL || value[0] == 0)
    return g_strdup (_("Empty"));
  if (!kz_kind_from_name (kind_name, &kind) || !(info = kz_kind_get_field (kind, field)))
    return g_strdup (value);
  if (info->type == KZ_FIELD_REF)
    return format_ref (store, info, value);

  scratch = kz_record_new (kind);
  if (!kz_record_set_text (scratch, field, value, NULL) ||
      (text = kz_format_field (scratch, field)) == NULL)
    return g_strdup (value);

  return text;
}

static char *
record_heading (KzConflictRow *self)
{
  const KzKindInfo *info;
  g_autoptr(KzRecord) record = NULL;
  const char *title = NULL;

  if (!self->known_kind)
    return g_strdup (self->conflict->kind);

  info = kz_kind_get_info (self->kind);
  record = kz_store_get (kz_context_get_store (self->context), self->kind, self->conflict->uuid, NULL);
  if (record != NULL)
    title = kz_record_get_title (record);

  /* Translators: a record kind and its title, "Project: Pflege digital" */
  return g_strdup_printf (_("%s: %s"), _(info->label), title ? title : _("Untitled"));
}

static char *
field_heading (KzConflictRow *self)
{
  const KzField *field = NULL;

  if (g_strcmp0 (self->conflict->field, "deleted") == 0)
    return g_strdup (_("Deleted on one side, edited on the other"));
  if (self->known_kind)
    field = kz_kind_get_field (self->kind, self->conflict->field);

  /* Translators: %s is the label of a field, such as “Status” */
  return g_strdup_printf (_("Changed on both sides: “%s”"),
                          field ? _(field->label) : self->conflict->field);
}

static char *
side_value (KzConflictRow *self,
            const char    *value,
            const char    *author)
{
  if (g_strcmp0 (self->conflict->field, "deleted") == 0)
    return kz_conflict_format_deleted (value, author);

  return kz_conflict_format_value (kz_context_get_store (self->context), self->conflict->kind,
                                   self->conflict->field, value);
}

/* Resolving */

static void
set_busy (KzConflictRow *self,
          gboolean       busy)
{
  gtk_widget_set_sensitive (self->buttons, !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->edit_revealer), !busy);
  gtk_widget_set_visible (self->spinner, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
}

static void
show_status (KzConflictRow *self,
             const char    *text,
             gboolean       error)
{
  gtk_label_set_text (self->status_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static void
resolve_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(KzConflictRow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!kz_sync_client_resolve_finish (KZ_SYNC_CLIENT (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      if (g_error_matches (error, KZ_SYNC_ERROR, KZ_SYNC_ERROR_NETWORK))
        show_status (self, _("The server cannot be reached, so your choice was not sent. "
                             "Choose again when you are online."), TRUE);
      else
        show_status (self, error->message, TRUE);
      return;
    }

  set_busy (self, FALSE);
  gtk_widget_set_visible (self->buttons, FALSE);
  gtk_revealer_set_reveal_child (self->edit_revealer, FALSE);
  show_status (self, _("Resolved. The choice arrives everywhere with the next sync."), FALSE);
  kz_sync_session_sync_now (self->context);
}

static void
resolve (KzConflictRow *self,
         const char    *value)
{
  show_status (self, NULL, FALSE);
  set_busy (self, TRUE);
  kz_sync_client_resolve_async (kz_context_get_sync_client (self->context), self->conflict->id,
                                value, self->cancellable, resolve_done_cb, g_object_ref (self));
}

static void
keep_theirs_cb (KzConflictRow *self)
{
  resolve (self, self->conflict->server_value);
}

static void
keep_mine_cb (KzConflictRow *self)
{
  resolve (self, self->conflict->client_value);
}

static void
edit_cb (KzConflictRow *self)
{
  g_autofree char *text = NULL;
  gboolean reveal = !gtk_revealer_get_reveal_child (self->edit_revealer);

  if (reveal && self->conflict->client_value != NULL)
    text = kz_conflict_format_value (NULL, self->conflict->kind, self->conflict->field,
                                     self->conflict->client_value);
  if (reveal)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->edit_entry),
                             self->conflict->client_value ? text : "");
      gtk_widget_set_visible (GTK_WIDGET (self->edit_error), FALSE);
    }
  gtk_revealer_set_reveal_child (self->edit_revealer, reveal);
  if (reveal)
    gtk_widget_grab_focus (GTK_WIDGET (self->edit_entry));
}

/* Checks the text the way the server will parse it. */
static void
use_edited_cb (KzConflictRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->edit_entry));
  g_autoptr(KzRecord) scratch = kz_record_new (self->kind);
  g_autoptr(GError) error = NULL;
  g_autofree char *canonical = NULL;

  if (!kz_record_set_text (scratch, self->conflict->field, text, &error))
    {
      gtk_label_set_text (self->edit_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->edit_error), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->edit_entry), "error");
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->edit_error), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->edit_entry), "error");
  canonical = kz_record_dup_text (scratch, self->conflict->field);
  resolve (self, canonical);
}

/* Building */

static GtkWidget *
make_label (const char *text,
            const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), style != NULL && g_str_equal (style, "conflict-value"));
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

static void
add_side (KzConflictRow *self,
          GtkGrid       *grid,
          int            row,
          const char    *title,
          const char    *value,
          const char    *author)
{
  g_autofree char *text = side_value (self, value, author);
  GtkWidget *title_label = make_label (title, "dim-label");
  GtkWidget *value_label = make_label (text, "conflict-value");

  gtk_widget_set_valign (title_label, GTK_ALIGN_START);
  gtk_widget_set_hexpand (value_label, TRUE);
  gtk_grid_attach (grid, title_label, 0, row, 1, 1);
  gtk_grid_attach (grid, value_label, 1, row, 1, 1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value_label),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, title_label, NULL, -1);
}

static GtkWidget *
build_sides (KzConflictRow *self)
{
  const KzConflict *c = self->conflict;
  GtkWidget *grid = gtk_grid_new ();
  g_autofree char *theirs = NULL;
  g_autofree char *mine = NULL;

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  /* Translators: %s is the user who made the change on the server */
  theirs = g_strdup_printf (_("Theirs (%s)"), c->server_author ? c->server_author : _("server"));
  /* Translators: %s is your user name */
  mine = g_strdup_printf (_("Mine (%s)"), c->client_author ? c->client_author : _("you"));

  add_side (self, GTK_GRID (grid), 0, _("Before"), c->base_value, NULL);
  add_side (self, GTK_GRID (grid), 1, theirs, c->server_value, c->server_author);
  add_side (self, GTK_GRID (grid), 2, mine, c->client_value, c->client_author);
  return grid;
}

static GtkWidget *
add_button (KzConflictRow *self,
            GtkWidget     *box,
            const char    *label,
            GCallback      callback)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  g_signal_connect_swapped (button, "clicked", callback, self);
  gtk_box_append (GTK_BOX (box), button);
  return button;
}

/* Edit is an icon, so that the three fit a phone's width. */
static GtkWidget *
build_buttons (KzConflictRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");

  gtk_widget_set_halign (box, GTK_ALIGN_END);
  gtk_widget_set_tooltip_text (edit, _("Edit…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Edit…"), -1);
  g_signal_connect_swapped (edit, "clicked", G_CALLBACK (edit_cb), self);
  gtk_widget_set_visible (edit, self->known_kind && g_strcmp0 (self->conflict->field, "deleted") != 0);
  add_button (self, box, _("Keep _Theirs"), G_CALLBACK (keep_theirs_cb));
  add_button (self, box, _("Keep _Mine"), G_CALLBACK (keep_mine_cb));
  gtk_box_append (GTK_BOX (box), edit);
  return box;
}

static GtkWidget *
build_editor (KzConflictRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *use;

  self->edit_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->edit_entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->edit_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("New Value"), -1);
  g_signal_connect_swapped (self->edit_entry, "activate", G_CALLBACK (use_edited_cb), self);
  use = gtk_button_new_with_mnemonic (_("_Use This Value"));
  gtk_widget_add_css_class (use, "suggested-action");
  g_signal_connect_swapped (use, "clicked", G_CALLBACK (use_edited_cb), self);
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (self->edit_entry));
  gtk_box_append (GTK_BOX (line), use);

  self->edit_error = GTK_LABEL (make_label (NULL, "error"));
  gtk_widget_set_visible (GTK_WIDGET (self->edit_error), FALSE);
  gtk_box_append (GTK_BOX (box), line);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->edit_error));

  self->edit_revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (self->edit_revealer, box);
  return GTK_WIDGET (self->edit_revealer);
}

static void
build (KzConflictRow *self)
{
  g_autofree char *heading = record_heading (self);
  g_autofree char *subheading = field_heading (self);
  GtkWidget *footer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_box_append (GTK_BOX (self), make_label (heading, "heading"));
  gtk_box_append (GTK_BOX (self), make_label (subheading, "dim-label"));
  gtk_box_append (GTK_BOX (self), build_sides (self));
  gtk_box_append (GTK_BOX (self), build_editor (self));

  self->status_label = GTK_LABEL (make_label (NULL, NULL));
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->status_label));

  self->spinner = gtk_spinner_new ();
  gtk_widget_set_visible (self->spinner, FALSE);
  gtk_widget_set_hexpand (self->spinner, TRUE);
  gtk_widget_set_halign (self->spinner, GTK_ALIGN_START);
  self->buttons = build_buttons (self);
  gtk_box_append (GTK_BOX (footer), self->spinner);
  gtk_box_append (GTK_BOX (footer), self->buttons);
  gtk_widget_set_halign (footer, GTK_ALIGN_FILL);
  gtk_box_append (GTK_BOX (self), footer);
}

static void
kz_conflict_row_dispose (GObject *object)
{
  KzConflictRow *self = (KzConflictRow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  g_clear_pointer (&self->conflict, kz_conflict_free);

  G_OBJECT_CLASS (kz_conflict_row_parent_class)->dispose (object);
}

static void
kz_conflict_row_class_init (KzConflictRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kz_conflict_row_dispose;
}

static void
kz_conflict_row_init (KzConflictRow *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_add_css_class (GTK_WIDGET (self), "conflict-card");
}

GtkWidget *
kz_conflict_row_new (KzContext        *context,
                     const KzConflict *conflict)
{
  KzConflictRow *self;

  g_return_val_if_fail (KZ_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (conflict != NULL, NULL);

  self = g_object_new (KZ_TYPE_CONFLICT_ROW, NULL);
  self->context = g_object_ref (context);
  self->conflict = kz_conflict_copy (conflict);
  self->known_kind = kz_kind_from_name (conflict->kind, &self->kind);
  build (self);
  return GTK_WIDGET (self);
}

const KzConflict *
kz_conflict_row_get_conflict (KzConflictRow *self)
{
  g_return_val_if_fail (KZ_IS_CONFLICT_ROW (self), NULL);

  return self->conflict;
}
