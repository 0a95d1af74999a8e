/* kz-maturity-summary.c
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

#define G_LOG_DOMAIN "kz-maturity-summary"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "kz-after-paint.h"
#include "kz-format.h"
#include "kz-maturity-summary.h"
#include "kz-thread-task.h"

struct _KzMaturitySummary
{
  AdwBin        parent_instance;

  KzContext    *context;
  GCancellable *cancellable;
  gboolean      dirty;
  GtkWidget    *group;
  GtkWidget    *dropdown;
  GtkListBox   *list;
};

G_DEFINE_FINAL_TYPE (KzMaturitySummary, kz_maturity_summary, ADW_TYPE_BIN)

static const char *group_fields[] = { "umbrella", "district" };

char *
kz_maturity_summary_describe (const KzMaturityAverage *average)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (average != NULL, NULL);

  for (guint d = 0; d < KZ_MATURITY_N_DIMENSIONS; d++)
    {
      g_autofree char *level = average->counts[d] ? kz_format_number (round (average->levels[d] * 10) / 10) : g_strdup ("–");

      g_string_append_printf (text, "%s%s %s", d ? ", " : "", kz_maturity_dimension_get_label (d), level);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
draw_bars (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  const KzMaturityAverage *average = user_data;
  double bar = width / (double)KZ_MATURITY_N_DIMENSIONS;
  GdkRGBA color;

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &color);
  for (guint d = 0; d < KZ_MATURITY_N_DIMENSIONS; d++)
    {
      double h = average->counts[d] ? height * average->levels[d] / KZ_MATURITY_N_LEVELS : 0;

      color.alpha = 0.15;
      gdk_cairo_set_source_rgba (cr, &color);
      cairo_rectangle (cr, d * bar + 1, 0, bar - 2, height);
      cairo_fill (cr);
      color.alpha = 1;
      gdk_cairo_set_source_rgba (cr, &color);
      cairo_rectangle (cr, d * bar + 1, height - h, bar - 2, h);
      cairo_fill (cr);
    }
}

static double
overall_mean (const KzMaturityAverage *average)
{
  double sum = 0;
  guint n = 0;

  for (guint d = 0; d < KZ_MATURITY_N_DIMENSIONS; d++)
    if (average->counts[d])
      {
        sum += average->levels[d];
        n++;
      }
  return n ? sum / n : 0;
}

static GtkWidget *
create_row (const KzMaturityAverage *average,
            const char              *field)
{
  const KzField *info = kz_kind_get_field (KZ_KIND_ORGANISATION, field);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *bars = gtk_drawing_area_new ();
  g_autofree char *description = kz_maturity_summary_describe (average);
  g_autofree char *mean = kz_format_number (round (overall_mean (average) * 10) / 10);
  g_autofree char *subtitle = g_strdup_printf (g_dngettext (NULL, "Mean level %s · %u organisation",
                                                            "Mean level %s · %u organisations",
                                                            average->n_organisations),
                                               mean, average->n_organisations);
  KzMaturityAverage *copy = g_memdup2 (average, sizeof *average);

  copy->group = NULL;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 average->group ? kz_vocabulary_get_label (info->vocab, average->group)
                                                : _("Not set"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (bars), 60);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (bars), 28);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (bars), draw_bars, copy, g_free);
  gtk_widget_set_valign (bars, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (bars, "accent");
  gtk_widget_set_tooltip_text (row, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), bars);
  return row;
}

static void
clear_rows (KzMaturitySummary *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);
}

typedef struct
{
  KzStore    *store;
  const char *field;
} Job;

static void
job_free (Job *job)
{
  g_object_unref (job->store);
  g_free (job);
}

static void
averages_worker (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  GPtrArray *averages = kz_maturity_average_by (job->store, job->field, &error);

#ifdef __GLIBC__
  /* The latest check of every organisation was read to get here: give
   * that memory back rather than keep it for the rest of the run. */
  malloc_trim (0);
#endif

  if (averages == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, averages, (GDestroyNotify)g_ptr_array_unref);
}

static void
averages_ready_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  KzMaturitySummary *self = KZ_MATURITY_SUMMARY (object);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) averages = g_task_propagate_pointer (G_TASK (result), &error);

  if (averages == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("Could not average the maturity checks: %s", error->message);
      return;
    }

  clear_rows (self);
  for (guint i = 0; i < averages->len; i++)
    gtk_list_box_append (self->list, create_row (g_ptr_array_index (averages, i), job->field));
}

/* Reads the latest checks in a worker: at tens of thousands of
 * organisations that takes long enough to stall the window. */
static void
reload (KzMaturitySummary *self)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->dirty = FALSE;

  if (self->context == NULL)
    {
      clear_rows (self);
      return;
    }

  self->cancellable = g_cancellable_new ();
  job = g_new0 (Job, 1);
  job->store = g_object_ref (kz_context_get_store (self->context));
  job->field = group_fields[MIN (gtk_drop_down_get_selected (GTK_DROP_DOWN (self->dropdown)), 1)];

  task = g_task_new (self, self->cancellable, averages_ready_cb, NULL);
  g_task_set_source_tag (task, reload);
  g_task_set_task_data (task, job, (GDestroyNotify)job_free);
  g_task_set_return_on_cancel (task, TRUE);
  kz_thread_task_run (task, averages_worker);
}

static void
reload_if_needed (GtkWidget *widget)
{
  KzMaturitySummary *self = KZ_MATURITY_SUMMARY (widget);

  if (self->dirty && gtk_widget_get_mapped (widget))
    reload (self);
}

/* Averages are read while the summary is shown, and not before the
 * window's first frame. */
static void
queue_reload (KzMaturitySummary *self)
{
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    kz_after_first_paint (GTK_WIDGET (self), reload_if_needed);
}

static void
kz_maturity_summary_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (kz_maturity_summary_parent_class)->map (widget);

  if (KZ_MATURITY_SUMMARY (widget)->dirty)
    kz_after_first_paint (widget, reload_if_needed);
}

static void
kz_maturity_summary_dispose (GObject *object)
{
  KzMaturitySummary *self = (KzMaturitySummary *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (kz_maturity_summary_parent_class)->dispose (object);
}

static void
kz_maturity_summary_class_init (KzMaturitySummaryClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kz_maturity_summary_dispose;
  GTK_WIDGET_CLASS (klass)->map = kz_maturity_summary_map;
}

static void
kz_maturity_summary_init (KzMaturitySummary *self)
{
  const char *choices[] = { _("By Umbrella Association"), _("By District"), NULL };
  GtkWidget *placeholder = gtk_label_new (_("No maturity checks yet. Record one during a visit under “In the Field”."));

  self->group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->group), _("Digital Maturity"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->group),
                                         _("Latest check of each organisation: strategy, infrastructure, processes, skills, data protection and IT security."));
  self->dropdown = gtk_drop_down_new_from_strings (choices);
  gtk_widget_set_valign (self->dropdown, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Group the maturity levels"), -1);
  g_signal_connect_object (self->dropdown, "notify::selected", G_CALLBACK (queue_reload), self, G_CONNECT_SWAPPED);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self->group), self->dropdown);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_list_box_set_placeholder (self->list, placeholder);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), GTK_WIDGET (self->list));
  adw_bin_set_child (ADW_BIN (self), self->group);
}

GtkWidget *
kz_maturity_summary_new (void)
{
  return g_object_new (KZ_TYPE_MATURITY_SUMMARY, NULL);
}

void
kz_maturity_summary_set_context (KzMaturitySummary *self,
                                 KzContext         *context)
{
  g_return_if_fail (KZ_IS_MATURITY_SUMMARY (self));
  g_return_if_fail (!context || KZ_IS_CONTEXT (context));

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_func (self->context, queue_reload, self);
  g_set_object (&self->context, context);
  if (context != NULL)
    g_signal_connect_object (context, "changed", G_CALLBACK (queue_reload), self, G_CONNECT_SWAPPED);
  queue_reload (self);
}
