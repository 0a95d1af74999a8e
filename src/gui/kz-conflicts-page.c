/* kz-conflicts-page.c
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

#define G_LOG_DOMAIN "kz-conflicts-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kz-conflict-row.h"
#include "kz-conflicts-page.h"
#include "kz-store-sync.h"

struct _KzConflictsPage
{
  AdwBin        parent_instance;

  KzContext    *context;
  KzSyncClient *client;
  GPtrArray    *cards;
  char         *subtitle;

  /* template */
  GtkStack     *stack;
  GtkBox       *card_box;
};

G_DEFINE_FINAL_TYPE (KzConflictsPage, kz_conflicts_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_SUBTITLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
set_subtitle (KzConflictsPage *self,
              guint            n_conflicts)
{
  g_autofree char *subtitle = NULL;

  if (n_conflicts > 0)
    subtitle = g_strdup_printf (g_dngettext (NULL, "%u open conflict", "%u open conflicts",
                                             n_conflicts), n_conflicts);
  if (g_strcmp0 (subtitle, self->subtitle) == 0)
    return;

  g_free (self->subtitle);
  self->subtitle = g_steal_pointer (&subtitle);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
}

static void
reload (KzConflictsPage *self)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->cards->len; i++)
    gtk_box_remove (self->card_box, g_ptr_array_index (self->cards, i));
  g_ptr_array_set_size (self->cards, 0);

  if (!(conflicts = kz_store_list_conflicts (kz_context_get_store (self->context), &error)))
    {
      g_message ("Could not list the sync conflicts: %s", error->message);
      conflicts = g_ptr_array_new ();
    }

  for (guint i = 0; i < conflicts->len; i++)
    {
      GtkWidget *card = kz_conflict_row_new (self->context, g_ptr_array_index (conflicts, i));

      gtk_box_append (self->card_box, card);
      g_ptr_array_add (self->cards, card);
    }

  gtk_stack_set_visible_child_name (self->stack, conflicts->len > 0 ? "list" : "empty");
  set_subtitle (self, conflicts->len);
}

static void
kz_conflicts_page_constructed (GObject *object)
{
  KzConflictsPage *self = (KzConflictsPage *)object;

  G_OBJECT_CLASS (kz_conflicts_page_parent_class)->constructed (object);

  self->client = g_object_ref (kz_context_get_sync_client (self->context));
  g_signal_connect_object (self->client, "notify::conflicts", G_CALLBACK (reload),
                           self, G_CONNECT_SWAPPED);
  reload (self);
}

static void
kz_conflicts_page_dispose (GObject *object)
{
  KzConflictsPage *self = (KzConflictsPage *)object;

  /* AdwBin unparents its child itself. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KZ_TYPE_CONFLICTS_PAGE);
  g_clear_object (&self->client);
  g_clear_object (&self->context);
  g_clear_pointer (&self->cards, g_ptr_array_unref);
  g_clear_pointer (&self->subtitle, g_free);

  G_OBJECT_CLASS (kz_conflicts_page_parent_class)->dispose (object);
}

static void
kz_conflicts_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KzConflictsPage *self = KZ_CONFLICTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kz_conflicts_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  KzConflictsPage *self = KZ_CONFLICTS_PAGE (object);

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
kz_conflicts_page_class_init (KzConflictsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kz_conflicts_page_constructed;
  object_class->dispose = kz_conflicts_page_dispose;
  object_class->get_property = kz_conflicts_page_get_property;
  object_class->set_property = kz_conflicts_page_set_property;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         KZ_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Kompetenz/ui/kz-conflicts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KzConflictsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KzConflictsPage, card_box);
}

static void
kz_conflicts_page_init (KzConflictsPage *self)
{
  self->cards = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kz_conflicts_page_new (KzContext *context)
{
  g_return_val_if_fail (KZ_IS_CONTEXT (context), NULL);

  return g_object_new (KZ_TYPE_CONFLICTS_PAGE, "context", context, NULL);
}

const char *
kz_conflicts_page_get_subtitle (KzConflictsPage *self)
{
  g_return_val_if_fail (KZ_IS_CONFLICTS_PAGE (self), NULL);

  return self->subtitle;
}

guint
kz_conflicts_page_get_n_cards (KzConflictsPage *self)
{
  g_return_val_if_fail (KZ_IS_CONFLICTS_PAGE (self), 0);

  return self->cards->len;
}

GtkWidget *
kz_conflicts_page_get_card (KzConflictsPage *self,
                            guint            index)
{
  g_return_val_if_fail (KZ_IS_CONFLICTS_PAGE (self), NULL);
  g_return_val_if_fail (index < self->cards->len, NULL);

  return g_ptr_array_index (self->cards, index);
}
