/* kz-record-page.c
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

#define G_LOG_DOMAIN "kz-record-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kz-field-row.h"
#include "kz-record-page.h"
#include "kz-kind-labels.h"
#include "kz-record-sections.h"

struct _KzRecordPage
{
  AdwBin               parent_instance;

  KzContext           *context;
  KzUndoManager       *undo_manager;
  KzKind               kind;
  char                *uuid;
  KzRecord            *record;     /* the saved state; for a new record, what is valid so far */
  GPtrArray           *rows;       /* KzFieldRow, owned by their widgets */
  char                *title;
  gboolean             is_new;

  /* template */
  AdwPreferencesGroup *fields_group;
  GtkBox              *sections_box;
  AdwBin              *history_bin;
  GtkButton           *delete_button;
  GtkButton           *visit_button;
};

G_DEFINE_FINAL_TYPE (KzRecordPage, kz_record_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_UNDO_MANAGER,
  PROP_KIND,
  PROP_UUID,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
update_title (KzRecordPage *self)
{
  const KzKindInfo *info = kz_kind_get_info (self->kind);
  const char *title = self->record ? kz_record_get_title (self->record) : NULL;
  g_autofree char *text = NULL;

  if (self->is_new)
    text = g_strdup (g_dgettext (GETTEXT_PACKAGE, kz_kind_get_labels (self->kind)->new_title));
  else if (title == NULL || title[0] == 0)
    text = g_strdup (g_dgettext (GETTEXT_PACKAGE, info->label));
  else
    text = g_strdup (title);

  if (g_strcmp0 (text, self->title) != 0)
    {
      g_free (self->title);
      self->title = g_steal_pointer (&text);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
    }
}

static void
update_sections (KzRecordPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections_box))))
    gtk_box_remove (self->sections_box, child);

  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), !self->is_new);
  /* An organisation's page leads to visit mode. */
  gtk_widget_set_visible (GTK_WIDGET (self->visit_button),
                          !self->is_new && self->kind == KZ_KIND_ORGANISATION);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->visit_button), "s", self->uuid);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "record.delete", !self->is_new);
  if (self->is_new)
    {
      adw_bin_set_child (self->history_bin, NULL);
      return;
    }

  kz_record_sections_build (self->sections_box, self->context, self->undo_manager, self->record);
  adw_bin_set_child (self->history_bin,
                     kz_record_history_new (kz_context_get_store (self->context), self->record));
}

/* Saves one field: parsed and checked first, then written through the
 * undo manager.  A new record is written once all it needs is valid. */
static gboolean
commit_field_cb (const KzField  *field,
                 const char     *text,
                 gpointer        user_data,
                 GError        **error)
{
  KzRecordPage *self = user_data;
  g_autoptr(KzRecord) copy = kz_record_copy (self->record);
  g_autoptr(GError) incomplete = NULL;
  g_autofree char *label = NULL;
  gboolean created;

  if (text == NULL)
    kz_record_unset (copy, field->name);
  else if (!kz_record_set_text (copy, field->name, text, error))
    return FALSE;

  if (!kz_record_validate_field (copy, field->name, error))
    return FALSE;
  if (!self->is_new && kz_record_field_equal (copy, self->record, field->name))
    return TRUE;
  if (self->is_new && !kz_record_validate (copy, &incomplete))
    {
      g_set_object (&self->record, copy);
      return TRUE;
    }

  created = self->is_new;
  if (created)
    label = g_strdup (g_dgettext (GETTEXT_PACKAGE, kz_kind_get_labels (self->kind)->create));
  else
    label = g_strdup_printf (_("Edit %s"), g_dgettext (GETTEXT_PACKAGE, field->label));

  if (!kz_undo_manager_save (self->undo_manager, copy, label, error))
    return FALSE;

  g_set_object (&self->record, copy);
  self->is_new = FALSE;
  update_title (self);
  if (created)
    update_sections (self);
  return TRUE;
}

static void
build_fields (KzRecordPage *self)
{
  const KzKindInfo *info = kz_kind_get_info (self->kind);
  KzStore *store = kz_context_get_store (self->context);

  for (guint i = 0; i < info->n_fields; i++)
    {
      const KzField *field = &info->fields[i];
      g_autoptr(GHashTable) titles = NULL;
      KzFieldRow *row;

      if (field->type == KZ_FIELD_REF)
        titles = kz_store_get_titles (store, field->ref_kind, NULL);

      row = kz_field_row_new (field, self->record, titles, commit_field_cb, self);
      kz_field_row_add_to_group (row, self->fields_group);
      g_ptr_array_add (self->rows, row);
    }
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  KzRecordPage *self = KZ_RECORD_PAGE (widget);

  gtk_widget_activate_action (widget, "win.delete-record", "(is)", (int)self->kind, self->uuid);
}

/* GObject */

static void
kz_record_page_constructed (GObject *object)
{
  KzRecordPage *self = (KzRecordPage *)object;
  g_autofree char *delete_label = NULL;

  G_OBJECT_CLASS (kz_record_page_parent_class)->constructed (object);

  g_assert (self->context != NULL);
  g_assert (self->undo_manager != NULL);

  if (self->uuid != NULL)
    self->record = kz_store_get (kz_context_get_store (self->context), self->kind, self->uuid, NULL);
  if (self->record == NULL)
    {
      self->record = kz_record_new (self->kind);
      self->is_new = TRUE;
      g_free (self->uuid);
      self->uuid = g_strdup (kz_record_get_uuid (self->record));
    }

  delete_label = g_strdup (g_dgettext (GETTEXT_PACKAGE, kz_kind_get_labels (self->kind)->delete));
  gtk_button_set_label (self->delete_button, delete_label);

  build_fields (self);
  update_title (self);
  update_sections (self);
}

static void
kz_record_page_dispose (GObject *object)
{
  KzRecordPage *self = (KzRecordPage *)object;

  /* AdwBin unparents its child itself. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KZ_TYPE_RECORD_PAGE);

  g_clear_object (&self->context);
  g_clear_object (&self->undo_manager);
  g_clear_object (&self->record);

  G_OBJECT_CLASS (kz_record_page_parent_class)->dispose (object);
}

static void
kz_record_page_finalize (GObject *object)
{
  KzRecordPage *self = (KzRecordPage *)object;

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (kz_record_page_parent_class)->finalize (object);
}

static void
kz_record_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KzRecordPage *self = KZ_RECORD_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_UNDO_MANAGER:
      g_value_set_object (value, self->undo_manager);
      break;
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kz_record_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KzRecordPage *self = KZ_RECORD_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_UNDO_MANAGER:
      self->undo_manager = g_value_dup_object (value);
      break;
    case PROP_KIND:
      self->kind = g_value_get_int (value);
      break;
    case PROP_UUID:
      self->uuid = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kz_record_page_class_init (KzRecordPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kz_record_page_constructed;
  object_class->dispose = kz_record_page_dispose;
  object_class->finalize = kz_record_page_finalize;
  object_class->get_property = kz_record_page_get_property;
  object_class->set_property = kz_record_page_set_property;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, KZ_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_UNDO_MANAGER] =
    g_param_spec_object ("undo-manager", NULL, NULL, KZ_TYPE_UNDO_MANAGER,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, 0, KZ_N_KINDS - 1, 0,
                      (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Kompetenz/ui/kz-record-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KzRecordPage, fields_group);
  gtk_widget_class_bind_template_child (widget_class, KzRecordPage, sections_box);
  gtk_widget_class_bind_template_child (widget_class, KzRecordPage, history_bin);
  gtk_widget_class_bind_template_child (widget_class, KzRecordPage, delete_button);
  gtk_widget_class_bind_template_child (widget_class, KzRecordPage, visit_button);

  gtk_widget_class_install_action (widget_class, "record.delete", NULL, delete_action);
}

static void
kz_record_page_init (KzRecordPage *self)
{
  self->rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kz_record_page_new (KzContext     *context,
                    KzUndoManager *undo_manager,
                    KzKind         kind,
                    const char    *uuid)
{
  g_return_val_if_fail (KZ_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (KZ_IS_UNDO_MANAGER (undo_manager), NULL);
  g_return_val_if_fail (kind < KZ_N_KINDS, NULL);

  return g_object_new (KZ_TYPE_RECORD_PAGE,
                       "context", context,
                       "undo-manager", undo_manager,
                       "kind", (int)kind,
                       "uuid", uuid,
                       NULL);
}

/* Fills in a field of a new record, e.g. the project of a milestone. */
void
kz_record_page_preset (KzRecordPage *self,
                       const char   *field,
                       const char   *value)
{
  g_return_if_fail (KZ_IS_RECORD_PAGE (self));
  g_return_if_fail (self->is_new);

  kz_record_set_text (self->record, field, value, NULL);
  for (guint i = 0; i < self->rows->len; i++)
    kz_field_row_update (self->rows->pdata[i], self->record);
}

KzKind
kz_record_page_get_kind (KzRecordPage *self)
{
  g_return_val_if_fail (KZ_IS_RECORD_PAGE (self), 0);

  return self->kind;
}

const char *
kz_record_page_get_uuid (KzRecordPage *self)
{
  g_return_val_if_fail (KZ_IS_RECORD_PAGE (self), NULL);

  return self->uuid;
}

gboolean
kz_record_page_is_new (KzRecordPage *self)
{
  g_return_val_if_fail (KZ_IS_RECORD_PAGE (self), FALSE);

  return self->is_new;
}

const char *
kz_record_page_get_title (KzRecordPage *self)
{
  g_return_val_if_fail (KZ_IS_RECORD_PAGE (self), NULL);

  return self->title;
}

GtkWidget *
kz_record_page_get_field_widget (KzRecordPage *self,
                                 const char   *field)
{
  g_return_val_if_fail (KZ_IS_RECORD_PAGE (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    if (g_str_equal (kz_field_row_get_field (self->rows->pdata[i])->name, field))
      return kz_field_row_get_widget (self->rows->pdata[i]);

  return NULL;
}

/* Shows what the store holds now, e.g. after an undo or a sync. */
void
kz_record_page_reload (KzRecordPage *self)
{
  g_autoptr(KzRecord) record = NULL;

  g_return_if_fail (KZ_IS_RECORD_PAGE (self));

  if (self->is_new)
    return;
  record = kz_store_get (kz_context_get_store (self->context), self->kind, self->uuid, NULL);
  if (record == NULL)
    return;

  g_set_object (&self->record, record);
  for (guint i = 0; i < self->rows->len; i++)
    kz_field_row_update (self->rows->pdata[i], self->record);
  update_title (self);
  update_sections (self);
}
