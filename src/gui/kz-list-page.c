/* kz-list-page.c
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

#define G_LOG_DOMAIN "kz-list-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kz-format.h"
#include "kz-kind-labels.h"
#include "kz-list-actions.h"
#include "kz-list-columns.h"
#include "kz-list-filter-bar.h"
#include "kz-list-load.h"
#include "kz-list-page.h"
#include "kz-list-page-private.h"
#include "kz-list-query.h"
#include "kz-list-state.h"

G_DEFINE_FINAL_TYPE (KzListPage, kz_list_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_KIND,
  PROP_SUBTITLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Subtitle */

static void
set_subtitle (KzListPage *self,
              char       *subtitle)
{
  if (g_strcmp0 (subtitle, self->subtitle) == 0)
    {
      g_free (subtitle);
      return;
    }

  g_free (self->subtitle);
  self->subtitle = subtitle;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SUBTITLE]);
}

void
_kz_list_page_update_subtitle (KzListPage *self)
{
  guint total = self->records ? kz_record_list_get_total (self->records) : 0;
  guint shown = self->records ? g_list_model_get_n_items (G_LIST_MODEL (self->records)) : 0;
  g_autofree char *count = NULL;
  g_autofree char *number = NULL;

  /* Models may still report changes while the page is disposed. */
  if (self->stack == NULL)
    return;

  if (total == 0)
    {
      set_subtitle (self, NULL);
      return;
    }

  count = kz_kind_format_count (self->kind, total);
  if (shown == total && !kz_list_filter_is_active (kz_list_filter_bar_get_filter (self->filter_bar)))
    {
      set_subtitle (self, g_steal_pointer (&count));
      return;
    }

  number = kz_format_int (shown);
  /* Translators: "12 of 1,234 projects": the rows a filter shows */
  set_subtitle (self, g_strdup_printf (_("%s of %s"), number, count));
}

static void
context_changed_cb (KzListPage *self,
                    guint       kind,
                    KzContext  *context)
{
  kz_list_page_reload (self);
}

/* The REF columns: a search finds a project by the name of its lead
 * organisation, as it is shown in the row. */
static GStrv
collect_search_refs (KzListPage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < self->spec->n_columns; i++)
    if (self->columns[i].field != NULL && self->columns[i].field->type == KZ_FIELD_REF)
      g_strv_builder_add (builder, self->columns[i].field->name);

  return g_strv_builder_end (builder);
}

/* Empty states */

/* "No projects yet" offers "New Project"; the window's action opens
 * the page of a new record of the list's kind. */
static void
set_up_empty_page (KzListPage *self)
{
  adw_status_page_set_icon_name (self->empty_page, self->spec->icon_name);
  adw_status_page_set_title (self->empty_page, _(self->spec->empty_title));
  adw_status_page_set_description (self->empty_page, _(self->spec->empty_description));
  gtk_button_set_label (self->new_button, _(kz_kind_get_labels (self->kind)->new_title));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->new_button), "(iss)",
                                    (int)self->kind, "", "");
}

/* "No Matching Results" offers to show all records again. */
static void
clear_clicked_cb (KzListPage *self)
{
  kz_list_filter_bar_apply (self->filter_bar, NULL, NULL);
}

/* GObject */

static void
kz_list_page_map (GtkWidget *widget)
{
  KzListPage *self = (KzListPage *)widget;

  GTK_WIDGET_CLASS (kz_list_page_parent_class)->map (widget);

  if (self->context != NULL && (self->dirty || !self->loaded))
    _kz_list_page_load (self);
}

static void
kz_list_page_constructed (GObject *object)
{
  KzListPage *self = (KzListPage *)object;
  const KzKindInfo *info = kz_kind_get_info (self->kind);

  G_OBJECT_CLASS (kz_list_page_parent_class)->constructed (object);

  self->spec = kz_list_spec_get (self->kind);
  g_assert (self->spec != NULL);

  _kz_list_page_build_columns (self);
  self->search_refs = collect_search_refs (self);
  self->filter_bar = KZ_LIST_FILTER_BAR (kz_list_filter_bar_new (self->kind, info->table));
  gtk_box_prepend (self->page_box, GTK_WIDGET (self->filter_bar));
  g_signal_connect_object (kz_list_filter_bar_get_filter (self->filter_bar), "state-changed",
                           G_CALLBACK (_kz_list_page_filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (_kz_list_page_sorter_changed_cb), self, G_CONNECT_SWAPPED);
  if (self->context != NULL)
    kz_list_filter_bar_set_settings (self->filter_bar, kz_context_get_settings (self->context));
  if (self->context != NULL)
    kz_list_state_attach (self->column_view, kz_context_get_settings (self->context), info->table);
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->scrolled_window),
                           "notify::page-size", G_CALLBACK (_kz_list_page_queue_fit),
                           self, G_CONNECT_SWAPPED);
  set_up_empty_page (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(info->plural_label),
                                  -1);
  kz_list_actions_attach (self->column_view);
}

static void
kz_list_page_dispose (GObject *object)
{
  KzListPage *self = (KzListPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->refresh_cancellable);
  g_clear_object (&self->refresh_cancellable);
  g_clear_handle_id (&self->fit_source, g_source_remove);
  /* Removing the columns changes the sorter: nothing to query then. */
  g_clear_object (&self->records);

  /* AdwBin unparents its child itself. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KZ_TYPE_LIST_PAGE);

  g_clear_object (&self->context);

  G_OBJECT_CLASS (kz_list_page_parent_class)->dispose (object);
}

static void
kz_list_page_finalize (GObject *object)
{
  KzListPage *self = (KzListPage *)object;

  g_clear_pointer (&self->lookups, kz_lookups_free);
  g_clear_pointer (&self->columns, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->search_refs, g_strfreev);
  g_clear_pointer (&self->detail_labels, g_ptr_array_unref);

  G_OBJECT_CLASS (kz_list_page_parent_class)->finalize (object);
}

static void
kz_list_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  KzListPage *self = KZ_LIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kz_list_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  KzListPage *self = KZ_LIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      kz_list_page_set_context (self, g_value_get_object (value));
      break;
    case PROP_KIND:
      self->kind = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kz_list_page_class_init (KzListPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kz_list_page_constructed;
  object_class->dispose = kz_list_page_dispose;
  object_class->finalize = kz_list_page_finalize;
  object_class->get_property = kz_list_page_get_property;
  object_class->set_property = kz_list_page_set_property;

  widget_class->map = kz_list_page_map;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         KZ_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_KIND] =
    g_param_spec_uint ("kind", NULL, NULL,
                       0, KZ_N_KINDS - 1, KZ_KIND_PROJECT,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Kompetenz/ui/kz-list-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KzListPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KzListPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, KzListPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, KzListPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, KzListPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, KzListPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, KzListPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, KzListPage, selection);
  gtk_widget_class_bind_template_child (widget_class, KzListPage, page_box);
  gtk_widget_class_bind_template_callback (widget_class, clear_clicked_cb);
}

static void
kz_list_page_init (KzListPage *self)
{
  self->detail_labels = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kz_list_page_new (KzContext *context,
                  KzKind     kind)
{
  g_return_val_if_fail (!context || KZ_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (kz_list_spec_get (kind) != NULL, NULL);

  return g_object_new (KZ_TYPE_LIST_PAGE,
                       "kind", kind,
                       "context", context,
                       NULL);
}

KzContext *
kz_list_page_get_context (KzListPage *self)
{
  g_return_val_if_fail (KZ_IS_LIST_PAGE (self), NULL);

  return self->context;
}

void
kz_list_page_set_context (KzListPage *self,
                          KzContext  *context)
{
  g_return_if_fail (KZ_IS_LIST_PAGE (self));
  g_return_if_fail (!context || KZ_IS_CONTEXT (context));

  if (self->context == context)
    return;

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_func (self->context, context_changed_cb, self);
  g_set_object (&self->context, context);
  if (context != NULL)
    g_signal_connect_object (context, "changed", G_CALLBACK (context_changed_cb),
                             self, G_CONNECT_SWAPPED);

  if (self->filter_bar != NULL)
    kz_list_filter_bar_set_settings (self->filter_bar, context ? kz_context_get_settings (context) : NULL);
  if (self->filter_bar != NULL && context != NULL &&
      !g_object_get_data (G_OBJECT (self->column_view), "kz-list-state"))
    kz_list_state_attach (self->column_view, kz_context_get_settings (context),
                          kz_kind_get_info (self->kind)->table);

  self->loaded = FALSE;
  kz_list_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONTEXT]);
}

KzKind
kz_list_page_get_kind (KzListPage *self)
{
  g_return_val_if_fail (KZ_IS_LIST_PAGE (self), KZ_KIND_PROJECT);

  return self->kind;
}

const KzListSpec *
kz_list_page_get_spec (KzListPage *self)
{
  g_return_val_if_fail (KZ_IS_LIST_PAGE (self), NULL);

  return self->spec;
}

const char *
kz_list_page_get_subtitle (KzListPage *self)
{
  g_return_val_if_fail (KZ_IS_LIST_PAGE (self), NULL);

  return self->subtitle;
}

GListModel *
kz_list_page_get_model (KzListPage *self)
{
  g_return_val_if_fail (KZ_IS_LIST_PAGE (self), NULL);

  return G_LIST_MODEL (self->selection);
}

void
kz_list_page_reload (KzListPage *self)
{
  g_return_if_fail (KZ_IS_LIST_PAGE (self));

  if (self->context == NULL)
    return;

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    _kz_list_page_load (self);
  else
    self->dirty = TRUE;
}

const KzLookups *
_kz_list_page_get_lookups (KzListPage *self)
{
  g_assert (KZ_IS_LIST_PAGE (self));

  return self->lookups;
}

/* Shows the search bar of the list and focuses it (Ctrl+F). */
void
kz_list_page_start_search (KzListPage *self)
{
  g_return_if_fail (KZ_IS_LIST_PAGE (self));

  kz_list_filter_bar_start_search (self->filter_bar);
}

void
kz_list_page_apply_view (KzListPage         *self,
                         const char         *search,
                         const char * const *items)
{
  g_return_if_fail (KZ_IS_LIST_PAGE (self));

  kz_list_filter_bar_apply (self->filter_bar, search, items);
}

KzListFilterBar *
kz_list_page_get_filter_bar (KzListPage *self)
{
  g_return_val_if_fail (KZ_IS_LIST_PAGE (self), NULL);

  return self->filter_bar;
}

gboolean
kz_list_page_is_busy (KzListPage *self)
{
  g_return_val_if_fail (KZ_IS_LIST_PAGE (self), FALSE);

  return self->n_running > 0;
}
