/* kz-preferences-window.c
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

#define G_LOG_DOMAIN "kz-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "kz-format.h"
#include "kz-due-preferences.h"
#include "kz-preferences-window.h"
#include "kz-sync-preferences.h"

static const char *color_schemes[] = { "default", "light", "dark" };

/* The record kinds counted under "Portfolio". */
static const KzKind counted_kinds[] = {
  KZ_KIND_PROJECT, KZ_KIND_ORGANISATION, KZ_KIND_FIRM, KZ_KIND_PARTNERSHIP,
  KZ_KIND_TRAINING, KZ_KIND_PROGRAMME, KZ_KIND_APPLICATION, KZ_KIND_VISIT,
};

struct _KzPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  KzContext            *context;
  GCancellable         *cancellable;
  GtkLabel             *count_labels[G_N_ELEMENTS (counted_kinds)];

  /* template */
  AdwComboRow          *color_scheme_row;
  AdwEntryRow          *advisor_row;
  AdwPreferencesGroup  *portfolio_group;
  AdwActionRow         *path_row;
  KzSyncPreferences    *sync_group;
};

G_DEFINE_FINAL_TYPE (KzPreferencesWindow, kz_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static gboolean
color_scheme_get_mapping (GValue   *value,
                          GVariant *variant,
                          gpointer  user_data)
{
  const char *scheme = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (color_schemes); i++)
    if (g_str_equal (scheme, color_schemes[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
color_scheme_set_mapping (const GValue       *value,
                          const GVariantType *expected_type,
                          gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (color_schemes))
    return NULL;

  return g_variant_new_string (color_schemes[selected]);
}

static void
build_count_rows (KzPreferencesWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (counted_kinds); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *label = gtk_label_new ("…");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _(kz_kind_get_info (counted_kinds[i])->plural_label));
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      adw_preferences_group_add (self->portfolio_group, row);
      self->count_labels[i] = GTK_LABEL (label);
    }
}

static void
counts_ready_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(KzPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree KzCounts *counts = kz_context_count_finish (KZ_CONTEXT (object), result, &error);

  if (counts == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("Could not count records: %s", error->message);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (counted_kinds); i++)
    {
      g_autofree char *text = kz_format_int (counts->kinds[counted_kinds[i]]);

      gtk_label_set_text (self->count_labels[i], text);
    }
}

static void
copy_path_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  KzPreferencesWindow *self = KZ_PREFERENCES_WINDOW (widget);
  const char *path = kz_store_get_path (kz_context_get_store (self->context));

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), path);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("Path copied")));
}

static void
kz_preferences_window_constructed (GObject *object)
{
  KzPreferencesWindow *self = (KzPreferencesWindow *)object;
  GSettings *settings = kz_context_get_settings (self->context);
  const char *path = kz_store_get_path (kz_context_get_store (self->context));

  G_OBJECT_CLASS (kz_preferences_window_parent_class)->constructed (object);

  g_settings_bind_with_mapping (settings, "color-scheme",
                                self->color_scheme_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                color_scheme_get_mapping, color_scheme_set_mapping,
                                NULL, NULL);
  g_settings_bind (settings, "advisor-name", self->advisor_row, "text", G_SETTINGS_BIND_DEFAULT);

  /* AdwActionRow has no selectable subtitle before libadwaita 1.3: the
   * path is the (selectable) title, and can be copied. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->path_row), path);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->path_row), _("Database file"));

  kz_sync_preferences_set_context (self->sync_group, self->context);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (kz_due_preferences_new (settings)));
  build_count_rows (self);
  kz_context_count_async (self->context, self->cancellable, counts_ready_cb, g_object_ref (self));
}

static void
kz_preferences_window_dispose (GObject *object)
{
  KzPreferencesWindow *self = (KzPreferencesWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), KZ_TYPE_PREFERENCES_WINDOW);

  g_clear_object (&self->context);

  G_OBJECT_CLASS (kz_preferences_window_parent_class)->dispose (object);
}

static void
kz_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  KzPreferencesWindow *self = KZ_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kz_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  KzPreferencesWindow *self = KZ_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kz_preferences_window_class_init (KzPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kz_preferences_window_constructed;
  object_class->dispose = kz_preferences_window_dispose;
  object_class->get_property = kz_preferences_window_get_property;
  object_class->set_property = kz_preferences_window_set_property;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         KZ_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KZ_TYPE_SYNC_PREFERENCES);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Kompetenz/ui/kz-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KzPreferencesWindow, color_scheme_row);
  gtk_widget_class_bind_template_child (widget_class, KzPreferencesWindow, advisor_row);
  gtk_widget_class_bind_template_child (widget_class, KzPreferencesWindow, portfolio_group);
  gtk_widget_class_bind_template_child (widget_class, KzPreferencesWindow, path_row);
  gtk_widget_class_bind_template_child (widget_class, KzPreferencesWindow, sync_group);

  gtk_widget_class_install_action (widget_class, "prefs.copy-path", NULL, copy_path_action);
}

static void
kz_preferences_window_init (KzPreferencesWindow *self)
{
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kz_preferences_window_new (KzContext *context)
{
  g_return_val_if_fail (KZ_IS_CONTEXT (context), NULL);

  return g_object_new (KZ_TYPE_PREFERENCES_WINDOW,
                       "context", context,
                       NULL);
}

KzContext *
kz_preferences_window_get_context (KzPreferencesWindow *self)
{
  g_return_val_if_fail (KZ_IS_PREFERENCES_WINDOW (self), NULL);

  return self->context;
}
