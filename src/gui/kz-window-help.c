/* kz-window-help.c
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

#define G_LOG_DOMAIN "kz-window-help"

#include "config.h"

#include "kz-record-page.h"
#include "kz-window.h"
#include "kz-window-private.h"

/* Topics of the user guide (help/C/<topic>.page) that explain each
 * sidebar page and each kind of record. */
static const struct {
  const char *page;
  const char *topic;
} page_topics[] = {
  { "overview", "overview" },
  { "projects", "projects" },
  { "organisations", "organisations" },
  { "firms", "partnerships" },
  { "partnerships", "partnerships" },
  { "trainings", "trainings" },
  { "funding", "funding" },
  { "visits", "visits" },
  { "field", "visits" },
  { "due", "reminders" },
  { "trash", "undo-trash" },
  { "conflicts", "conflicts" },
};

static const char *kind_topics[KZ_N_KINDS] = {
  [KZ_KIND_ORGANISATION] = "organisations",
  [KZ_KIND_CONTACT] = "organisations",
  [KZ_KIND_ASSESSMENT] = "maturity",
  [KZ_KIND_FIRM] = "partnerships",
  [KZ_KIND_PROJECT] = "projects",
  [KZ_KIND_MILESTONE] = "projects",
  [KZ_KIND_PARTNERSHIP] = "partnerships",
  [KZ_KIND_TRAINING] = "trainings",
  [KZ_KIND_SESSION] = "trainings",
  [KZ_KIND_REGISTRATION] = "trainings",
  [KZ_KIND_PROGRAMME] = "funding",
  [KZ_KIND_DEADLINE] = "funding",
  [KZ_KIND_APPLICATION] = "funding",
  [KZ_KIND_VISIT] = "visits",
  [KZ_KIND_TASK] = "visits",
};

static const char *
topic_for_page (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_topics); i++)
    if (g_strcmp0 (page_topics[i].page, name) == 0)
      return page_topics[i].topic;

  return "index";
}

/**
 * kz_window_get_help_uri:
 * @self: a #KzWindow
 *
 * Returns: (transfer full): the help: address of the guide's topic for
 *   what the window shows: the open record's kind, or the sidebar page.
 */
char *
kz_window_get_help_uri (KzWindow *self)
{
  GtkWidget *record;
  const char *topic;

  g_return_val_if_fail (KZ_IS_WINDOW (self), NULL);

  record = gtk_widget_get_last_child (GTK_WIDGET (self->record_stack));
  if (record != NULL)
    topic = kind_topics[kz_record_page_get_kind (KZ_RECORD_PAGE (record))];
  else
    topic = topic_for_page (kz_window_get_page_name (self));

  return g_strdup_printf ("help:%s/%s", PACKAGE_NAME, topic);
}

static void
page_help_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KzWindow *self = KZ_WINDOW (widget);
  g_autofree char *uri = kz_window_get_help_uri (self);

  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

void
_kz_window_help_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.page-help", NULL, page_help_action);
}
