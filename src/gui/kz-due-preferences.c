/* kz-due-preferences.c
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

#define G_LOG_DOMAIN "kz-due-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "kz-due-preferences.h"
#include "kz-reminder.h"

static GtkWidget *
days_row (GSettings  *settings,
          const char *key,
          const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 90, 1);
  g_autoptr(GSettingsSchemaKey) schema_key = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GVariant) range = NULL;
  g_autoptr(GVariant) limits = NULL;
  const char *type;
  guint32 min, max;

  g_object_get (settings, "settings-schema", &schema, NULL);
  schema_key = g_settings_schema_get_key (schema, key);
  range = g_settings_schema_key_get_range (schema_key);
  g_variant_get (range, "(&sv)", &type, &limits);
  if (g_str_equal (type, "range"))
    {
      g_variant_get (limits, "(uu)", &min, &max);
      gtk_spin_button_set_range (GTK_SPIN_BUTTON (spin), min, max);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_widget_set_name (spin, key);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_settings_bind (settings, key, spin, "value", G_SETTINGS_BIND_DEFAULT);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  return row;
}

static GtkWidget *
switch_row (GSettings *settings)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Desktop Notifications"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("Once when something comes due and once more when it is overdue"));
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_widget_set_name (toggle, "reminders-enabled");
  g_settings_bind (settings, "reminders-enabled", toggle, "active", G_SETTINGS_BIND_DEFAULT);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  return row;
}

GtkWidget *
kz_due_preferences_new (GSettings *settings)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *notify = adw_preferences_group_new ();
  GtkWidget *lead = adw_preferences_group_new ();
  GtkWidget *list = adw_preferences_group_new ();
  const char *subtitle = _("Days before the date; 0 reminds on the day itself");

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Reminders"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "alarm-symbolic");
  gtk_widget_set_name (page, "reminders");

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (notify), switch_row (settings));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (lead), _("Lead Times"));
  for (guint s = 0; s < KZ_REMINDER_N_SOURCES; s++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (lead),
                               days_row (settings, kz_reminder_source_get_key (s),
                                         kz_reminder_source_get_label (s), subtitle));
  g_settings_bind (settings, "reminders-enabled", lead, "sensitive", G_SETTINGS_BIND_GET);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (list), _("Due Soon"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (list),
                             days_row (settings, "due-soon-days", _("Days Ahead"),
                                       _("How far the “Due Soon” page looks ahead")));

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (notify));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (lead));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (list));
  return page;
}
