/* kz-funding-page.c
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

#define G_LOG_DOMAIN "kz-funding-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kz-funding-page.h"
#include "kz-list-page.h"

struct _KzFundingPage
{
  AdwBin        parent_instance;

  KzContext    *context;
  KzListPage   *programmes;
  KzListPage   *applications;
  char         *subtitle;

  /* template */
  AdwViewStack *view_stack;
};

G_DEFINE_FINAL_TYPE (KzFundingPage, kz_funding_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_SUBTITLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The count of the list shown, e.g. "8 funding programmes". */
static void
update_subtitle (KzFundingPage *self)
{
  GtkWidget *visible = adw_view_stack_get_visible_child (self->view_stack);
  g_autofree char *subtitle = NULL;

  if (KZ_IS_LIST_PAGE (visible))
    subtitle = g_strdup (kz_list_page_get_subtitle (KZ_LIST_PAGE (visible)));

  if (g_strcmp0 (subtitle, self->subtitle) == 0)
    return;

  g_free (self->subtitle);
  self->subtitle = g_steal_pointer (&subtitle);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SUBTITLE]);
}

static void
visible_child_cb (KzFundingPage *self)
{
  update_subtitle (self);
}

static KzListPage *
add_list (KzFundingPage *self,
          KzKind         kind,
          const char    *name,
          const char    *title,
          const char    *icon_name)
{
  GtkWidget *page = kz_list_page_new (NULL, kind);
  AdwViewStackPage *stack_page;

  stack_page = adw_view_stack_add_titled (self->view_stack, page, name, title);
  adw_view_stack_page_set_icon_name (stack_page, icon_name);
  g_signal_connect_object (page, "notify::subtitle", G_CALLBACK (update_subtitle),
                           self, G_CONNECT_SWAPPED);

  return KZ_LIST_PAGE (page);
}

static void
kz_funding_page_dispose (GObject *object)
{
  KzFundingPage *self = (KzFundingPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), KZ_TYPE_FUNDING_PAGE);
  self->programmes = NULL;
  self->applications = NULL;
  g_clear_object (&self->context);

  G_OBJECT_CLASS (kz_funding_page_parent_class)->dispose (object);
}

static void
kz_funding_page_finalize (GObject *object)
{
  KzFundingPage *self = (KzFundingPage *)object;

  g_clear_pointer (&self->subtitle, g_free);

  G_OBJECT_CLASS (kz_funding_page_parent_class)->finalize (object);
}

static void
kz_funding_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KzFundingPage *self = KZ_FUNDING_PAGE (object);

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
kz_funding_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KzFundingPage *self = KZ_FUNDING_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      kz_funding_page_set_context (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kz_funding_page_class_init (KzFundingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kz_funding_page_dispose;
  object_class->finalize = kz_funding_page_finalize;
  object_class->get_property = kz_funding_page_get_property;
  object_class->set_property = kz_funding_page_set_property;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         KZ_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Kompetenz/ui/kz-funding-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KzFundingPage, view_stack);
  gtk_widget_class_bind_template_callback (widget_class, visible_child_cb);
}

static void
kz_funding_page_init (KzFundingPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->programmes = add_list (self, KZ_KIND_PROGRAMME, "programmes",
                               _("Programmes"), "x-office-spreadsheet-symbolic");
  self->applications = add_list (self, KZ_KIND_APPLICATION, "applications",
                                 _("Applications"), "document-send-symbolic");
}

GtkWidget *
kz_funding_page_new (KzContext *context)
{
  g_return_val_if_fail (!context || KZ_IS_CONTEXT (context), NULL);

  return g_object_new (KZ_TYPE_FUNDING_PAGE,
                       "context", context,
                       NULL);
}

KzContext *
kz_funding_page_get_context (KzFundingPage *self)
{
  g_return_val_if_fail (KZ_IS_FUNDING_PAGE (self), NULL);

  return self->context;
}

void
kz_funding_page_set_context (KzFundingPage *self,
                             KzContext     *context)
{
  g_return_if_fail (KZ_IS_FUNDING_PAGE (self));
  g_return_if_fail (!context || KZ_IS_CONTEXT (context));

  if (!g_set_object (&self->context, context))
    return;

  kz_list_page_set_context (self->programmes, context);
  kz_list_page_set_context (self->applications, context);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONTEXT]);
}

const char *
kz_funding_page_get_subtitle (KzFundingPage *self)
{
  g_return_val_if_fail (KZ_IS_FUNDING_PAGE (self), NULL);

  return self->subtitle;
}
