/* kz-record-history.c
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

#define G_LOG_DOMAIN "kz-record-history"

#include "config.h"

#include <glib/gi18n.h>

#include "kz-format.h"
#include "kz-record-sections.h"

/* How many changes a record page lists, newest first. */
#define MAX_ENTRIES 50

/* A stored value as people read it: vocabulary labels, German or
 * English dates and amounts. */
static char *
value_text (KzStore    *store,
            KzKind      kind,
            const char *field,
            const char *value)
{
  const KzField *f = kz_kind_get_field (kind, field);
  g_autoptr(KzRecord) record = NULL;
  char *text;

  if (value == NULL || value[0] == 0)
    return g_strdup (C_("history value", "empty"));
  if (kz_kind_find_field (kind, field) < 0)
    return g_strdup (value);

  record = kz_record_new (kind);
  if (!kz_record_set_text (record, field, value, NULL))
    return g_strdup (value);
  if (f->type == KZ_FIELD_REF)
    {
      g_autoptr(KzRecord) other = store ? kz_store_get (store, f->ref_kind, value, NULL) : NULL;

      if (other != NULL && kz_record_get_title (other) != NULL)
        return g_strdup (kz_record_get_title (other));
      return g_strdup (C_("history value", "a deleted record"));
    }
  text = kz_format_field (record, field);
  return text ? text : g_strdup (value);
}

char *
kz_record_history_describe (KzStore              *store,
                            const KzHistoryEntry *entry,
                            KzKind                kind)
{
  const KzField *field;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;

  g_return_val_if_fail (entry != NULL, NULL);

  if (g_str_equal (entry->field, "*"))
    return g_strdup (_("Created"));
  if (g_str_equal (entry->field, "deleted"))
    return g_strdup (g_strcmp0 (entry->new_value, "1") == 0 || g_strcmp0 (entry->new_value, "true") == 0
                     ? _("Moved to the trash") : _("Restored from the trash"));
  if (g_str_has_prefix (entry->field, "link:"))
    {
      KzLink link;

      if (kz_link_from_name (entry->field + 5, &link))
        return g_strdup_printf (entry->new_value ? _("Added to “%s”") : _("Removed from “%s”"),
                                g_dgettext (GETTEXT_PACKAGE, kz_link_get_info (link)->label));
      return g_strdup (_("Links changed"));
    }

  field = kz_kind_get_field (kind, entry->field);
  if (field == NULL)
    return g_strdup_printf (_("%s changed"), entry->field);

  old_text = value_text (store, kind, entry->field, entry->old_value);
  new_text = value_text (store, kind, entry->field, entry->new_value);
  if (field->flags & KZ_FIELD_FLAG_MULTILINE)
    return g_strdup_printf (_("%s changed"), g_dgettext (GETTEXT_PACKAGE, field->label));
  /* Translators: a change of a field: "Status: Idea → Running" */
  return g_strdup_printf (_("%s: %s → %s"), g_dgettext (GETTEXT_PACKAGE, field->label), old_text, new_text);
}

static char *
when_text (const KzHistoryEntry *entry)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (entry->time / G_USEC_PER_SEC);
  g_autofree char *iso = g_date_time_format (time, "%Y-%m-%d");
  g_autofree char *date = kz_format_date (iso);
  g_autofree char *clock = g_date_time_format (time, "%H:%M");

  if (entry->author != NULL && entry->author[0])
    /* Translators: "31.12.2026, 14:05 · Anna Schmidt" */
    return g_strdup_printf (_("%s, %s · %s"), date, clock, entry->author);
  return g_strdup_printf (_("%s, %s"), date, clock);
}

GtkWidget *
kz_record_history_new (KzStore  *store,
                       KzRecord *record)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  guint shown = 0;

  g_return_val_if_fail (KZ_IS_STORE (store), NULL);
  g_return_val_if_fail (KZ_IS_RECORD (record), NULL);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("History"));
  history = kz_store_get_history (store, kz_record_get_uuid (record), &error);
  if (history == NULL)
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), error->message);
      return group;
    }
  if (history->len == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _("No changes recorded yet"));

  /* Newest first, as the store returns them. */
  for (guint i = 0; i < history->len && shown < MAX_ENTRIES; i++, shown++)
    {
      const KzHistoryEntry *entry = history->pdata[i];
      g_autofree char *title = kz_record_history_describe (store, entry, kz_record_get_kind (record));
      g_autofree char *subtitle = when_text (entry);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  return group;
}
