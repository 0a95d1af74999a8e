/* kz-due-page.c
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

#define G_LOG_DOMAIN "kz-due-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kz-due-page.h"
#include "kz-format.h"
#include "kz-reminder.h"

struct _KzDuePage
{
  AdwBin      parent_instance;

  KzContext    *context;
  GCancellable *cancellable;
  char         *subtitle;
  guint       reload_source;

  GtkStack   *stack;
  GtkWidget  *empty;
  GtkWidget  *overdue_group;
  GtkWidget  *soon_group;
  GPtrArray  *rows;      /* (group, row) pairs to remove on reload */
};

G_DEFINE_FINAL_TYPE (KzDuePage, kz_due_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SUBTITLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

char *
kz_due_describe_days_left (int days_left)
{
  if (days_left == 0)
    return g_strdup (_("Today"));
  if (days_left == 1)
    return g_strdup (_("Tomorrow"));
  if (days_left == -1)
    return g_strdup (_("Yesterday"));
  if (days_left > 0)
    return g_strdup_printf (g_dngettext (NULL, "In %d day", "In %d days", days_left), days_left);
  return g_strdup_printf (g_dngettext (NULL, "%d day overdue", "%d days overdue", -days_left), -days_left);
}

static GtkWidget *
create_row (KzReminderItem *item,
            GDate          *today)
{
  GtkWidget *row = adw_action_row_new ();
  int left = kz_reminder_item_days_left (item, today);
  g_autofree char *when = kz_due_describe_days_left (left);
  g_autofree char *date = kz_format_date (item->due);
  g_autofree char *subtitle = item->context
    ? g_strdup_printf ("%s · %s · %s", kz_reminder_source_get_label (item->source), item->context, date)
    : g_strdup_printf ("%s · %s", kz_reminder_source_get_label (item->source), date);
  GtkWidget *label = gtk_label_new (when);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->title ? item->title : "");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_widget_add_css_class (label, left < 0 ? "error" : "dim-label");
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-record");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(is)", (int)item->kind, item->uuid);
  return row;
}

static void
set_subtitle (KzDuePage *self,
              guint      overdue,
              guint      soon)
{
  g_autofree char *subtitle = NULL;

  if (overdue > 0)
    /* Translators: "3 overdue, 5 due soon" */
    subtitle = g_strdup_printf (_("%u overdue, %u due soon"), overdue, soon);
  else if (soon > 0)
    subtitle = g_strdup_printf (g_dngettext (NULL, "%u due soon", "%u due soon", soon), soon);

  if (g_strcmp0 (subtitle, self->subtitle) == 0)
    return;
  g_free (self->subtitle);
  self->subtitle = g_steal_pointer (&subtitle);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
}

static void
clear_rows (KzDuePage *self)
{
  for (guint i = 0; i + 1 < self->rows->len; i += 2)
    adw_preferences_group_remove (g_ptr_array_index (self->rows, i), g_ptr_array_index (self->rows, i + 1));
  g_ptr_array_set_size (self->rows, 0);
}

static void
show_items (KzDuePage *self,
            GPtrArray *items)
{
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  guint days = g_settings_get_uint (kz_context_get_settings (self->context), "due-soon-days");
  g_autofree char *description = NULL;
  guint overdue = 0;
  GDate today;

  clear_rows (self);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  due = kz_reminder_filter_due (items, &today, days);
  for (guint i = 0; i < due->len; i++)
    {
      KzReminderItem *item = g_ptr_array_index (due, i);
      gboolean late = kz_reminder_item_days_left (item, &today) < 0;
      GtkWidget *group = late ? self->overdue_group : self->soon_group;
      GtkWidget *row = create_row (item, &today);

      overdue += late;
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      g_ptr_array_add (self->rows, group);
      g_ptr_array_add (self->rows, row);
    }

  gtk_widget_set_visible (self->overdue_group, overdue > 0);
  gtk_widget_set_visible (self->soon_group, due->len > overdue);
  description = g_strdup_printf (g_dngettext (NULL,
                                              "Call deadlines, milestones, registration deadlines and follow-up tasks due within the next day appear here.",
                                              "Call deadlines, milestones, registration deadlines and follow-up tasks due within the next %u days appear here.",
                                              days), days);
  adw_status_page_set_description (ADW_STATUS_PAGE (self->empty), description);
  gtk_stack_set_visible_child_name (self->stack, due->len > 0 ? "list" : "empty");
  set_subtitle (self, overdue, due->len - overdue);
}

static void
collected_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(KzDuePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = kz_reminder_collect_finish (KZ_STORE (object), result, &error);

  if (items != NULL)
    show_items (self, items);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("Could not collect what is due: %s", error->message);
}

/* Collecting reads every dated record: off the main thread. */
static void
reload (KzDuePage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  kz_reminder_collect_async (kz_context_get_store (self->context), self->cancellable,
                             collected_cb, g_object_ref (self));
}

static gboolean
reload_cb (gpointer user_data)
{
  KzDuePage *self = user_data;

  self->reload_source = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
queue_reload (KzDuePage *self)
{
  if (self->reload_source == 0)
    self->reload_source = g_idle_add (reload_cb, self);
}

static GtkWidget *
build_list (KzDuePage *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);

  self->overdue_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->overdue_group), _("Overdue"));
  self->soon_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->soon_group), _("Due Soon"));
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), self->overdue_group);
  gtk_box_append (GTK_BOX (box), self->soon_group);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  return scrolled;
}

static void
kz_due_page_dispose (GObject *object)
{
  KzDuePage *self = (KzDuePage *)object;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->context);
  g_clear_pointer (&self->subtitle, g_free);

  G_OBJECT_CLASS (kz_due_page_parent_class)->dispose (object);
}

static void
kz_due_page_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  KzDuePage *self = KZ_DUE_PAGE (object);

  switch (prop_id)
    {
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kz_due_page_class_init (KzDuePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kz_due_page_dispose;
  object_class->get_property = kz_due_page_get_property;

  properties [PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kz_due_page_init (KzDuePage *self)
{
  self->rows = g_ptr_array_new ();
  self->stack = GTK_STACK (gtk_stack_new ());
  self->empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->empty), "alarm-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (self->empty), _("Nothing Due"));
  gtk_stack_add_named (self->stack, self->empty, "empty");
  gtk_stack_add_named (self->stack, build_list (self), "list");
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));
}

GtkWidget *
kz_due_page_new (KzContext *context)
{
  KzDuePage *self;

  g_return_val_if_fail (KZ_IS_CONTEXT (context), NULL);

  self = g_object_new (KZ_TYPE_DUE_PAGE, NULL);
  self->context = g_object_ref (context);
  g_signal_connect_object (context, "changed", G_CALLBACK (queue_reload), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (kz_context_get_settings (context), "changed::due-soon-days",
                           G_CALLBACK (queue_reload), self, G_CONNECT_SWAPPED);
  reload (self);
  return GTK_WIDGET (self);
}
