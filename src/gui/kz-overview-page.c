/* kz-overview-page.c
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

#define G_LOG_DOMAIN "kz-overview-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kz-after-paint.h"
#include "kz-format.h"
#include "kz-heatmap.h"
#include "kz-maturity-summary.h"
#include "kz-list-page.h"
#include "kz-layout.h"
#include "kz-overview-page.h"
#include "kz-thread-task.h"
#include "kz-window.h"

#define SECTION_NATURAL_WIDTH 360

/* The totals shown as cards; each opens its page. */
static const struct {
  KzKind      kind;
  const char *page;
} totals[] = {
  { KZ_KIND_PROJECT, "projects" },
  { KZ_KIND_ORGANISATION, "organisations" },
  { KZ_KIND_FIRM, "firms" },
  { KZ_KIND_PARTNERSHIP, "partnerships" },
  { KZ_KIND_TRAINING, "trainings" },
  { KZ_KIND_PROGRAMME, "funding" },
  { KZ_KIND_APPLICATION, "funding" },
  { KZ_KIND_VISIT, "visits" },
};

struct _KzOverviewPage
{
  AdwBin         parent_instance;

  KzContext     *context;
  GCancellable  *cancellable;
  char          *subtitle;
  gboolean       loaded;
  gboolean       dirty;
  gint64         load_started;
  GtkWidget     *total_buttons[G_N_ELEMENTS (totals)];
  GtkLabel      *total_labels[G_N_ELEMENTS (totals)];

  /* template */
  GtkStack      *stack;
  GtkSpinner    *spinner;
  AdwStatusPage *error_page;
  GtkFlowBox    *totals_box;
  GtkFlowBox    *sections_box;
  GtkWidget     *maturity;       /* KzMaturitySummary, a section of its own */
  GtkListBox    *status_list;
  GtkListBox    *health_list;
  GtkListBox    *sessions_list;
  GtkListBox    *deadlines_list;
  AdwActionRow  *overdue_row;
  GtkLabel      *overdue_label;
  GtkLabel      *overdue_tasks_label;
  GtkListBox    *funding_list;
  GtkDropDown   *dimension_dropdown;
  GtkStringList *dimension_list;
  KzHeatmap     *heatmap;

  KzHeatmapGrid *heatmaps[KZ_HEATMAP_N_DIMENSIONS];
};

G_DEFINE_FINAL_TYPE (KzOverviewPage, kz_overview_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_SUBTITLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Rows */

static void
list_clear (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)))
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

static GtkWidget *
new_count_row (const char *title,
               guint       count,
               guint       total)
{
  GtkWidget *row = new_row (title, NULL);
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, MAX (total, 1));
  g_autofree char *text = kz_format_int (count);
  GtkWidget *label = gtk_label_new (text);

  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), count);
  gtk_widget_set_size_request (bar, 96, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  /* The count is in the label next to it; the bar is decoration. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);

  gtk_label_set_width_chars (GTK_LABEL (label), 6);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_add_css_class (label, "numeric");

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

  return row;
}

/* Opens the projects list filtered by @items ("status=running", …). */
static void
open_projects (KzOverviewPage     *self,
               const char * const *items)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), KZ_TYPE_WINDOW);
  GtkWidget *stack = gtk_widget_get_parent (GTK_WIDGET (self));
  GtkWidget *page;

  if (window == NULL || !kz_window_show_page (KZ_WINDOW (window), "projects"))
    return;

  page = GTK_IS_STACK (stack) ? gtk_stack_get_child_by_name (GTK_STACK (stack), "projects") : NULL;
  if (page != NULL && KZ_IS_LIST_PAGE (page))
    kz_list_page_apply_view (KZ_LIST_PAGE (page), NULL, items);
}

static void
count_row_activated_cb (KzOverviewPage *self,
                        AdwActionRow   *row)
{
  const char *item = g_object_get_data (G_OBJECT (row), "kz-filter-item");
  const char * const items[] = { item, NULL };

  open_projects (self, items);
}

static void
fill_vocabulary (KzOverviewPage     *self,
                 GtkListBox         *list,
                 const char         *field,
                 const KzVocabulary *vocab,
                 GHashTable         *counts,
                 guint               total,
                 gboolean            dots)
{
  list_clear (list);

  for (guint i = 0; i < vocab->n_terms; i++)
    {
      const char *id = vocab->terms[i].id;
      GtkWidget *row = new_count_row (kz_vocabulary_get_label (vocab, id),
                                      kz_overview_stats_count (counts, id), total);

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "kz-filter-item",
                              g_strconcat (field, "=", id, NULL), g_free);
      g_signal_connect_object (row, "activated", G_CALLBACK (count_row_activated_cb),
                               self, G_CONNECT_SWAPPED);

      if (dots)
        {
          GtkWidget *dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
          const char *classes[] = { "health-dot", id, NULL };

          gtk_widget_set_css_classes (dot, classes);
          gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), dot);
        }

      gtk_list_box_append (list, row);
    }
}

static char *
event_subtitle (const KzOverviewEvent *event)
{
  g_autofree char *date = kz_format_date (event->date);
  g_autoptr(GString) text = g_string_new (date);

  if (event->time != NULL)
    g_string_append_printf (text, " · %s", event->time);
  if (event->detail != NULL && *event->detail)
    g_string_append_printf (text, " · %s", event->detail);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
fill_events (GtkListBox *list,
             GPtrArray  *events)
{
  list_clear (list);

  for (guint i = 0; i < events->len; i++)
    {
      const KzOverviewEvent *event = g_ptr_array_index (events, i);
      g_autofree char *subtitle = event_subtitle (event);

      gtk_list_box_append (list, new_row (event->title ? event->title : "", subtitle));
    }
}

static void
set_placeholder (GtkListBox *list,
                 const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_list_box_set_placeholder (list, label);
}

/* Totals */

static void
build_totals (KzOverviewPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (totals); i++)
    {
      const KzKindInfo *info = kz_kind_get_info (totals[i].kind);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
      GtkWidget *number = gtk_label_new ("0");
      GtkWidget *name = gtk_label_new (_(info->plural_label));
      GtkWidget *button = gtk_button_new ();

      gtk_widget_add_css_class (number, "title-1");
      gtk_widget_add_css_class (number, "numeric");
      gtk_widget_add_css_class (name, "dim-label");
      gtk_label_set_wrap (GTK_LABEL (name), TRUE);
      gtk_label_set_justify (GTK_LABEL (name), GTK_JUSTIFY_CENTER);
      gtk_box_append (GTK_BOX (box), number);
      gtk_box_append (GTK_BOX (box), name);

      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "card");
      gtk_widget_add_css_class (button, "total-card");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-page");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", totals[i].page);
      /* The grid's cells take the focus, so that Tab enters and leaves
       * the grid and the arrow keys move inside it; Enter activates. */
      gtk_widget_set_focusable (button, FALSE);
      gtk_flow_box_append (self->totals_box, button);

      self->total_buttons[i] = button;
      self->total_labels[i] = GTK_LABEL (number);
    }
}

static void
fill_totals (KzOverviewPage        *self,
             const KzOverviewStats *stats)
{
  for (guint i = 0; i < G_N_ELEMENTS (totals); i++)
    {
      const KzKindInfo *info = kz_kind_get_info (totals[i].kind);
      g_autofree char *number = kz_format_int (stats->counts[totals[i].kind]);
      /* Translators: accessible name of a total, e.g. "Projects: 400" */
      g_autofree char *name = g_strdup_printf (_("%s: %s"), _(info->plural_label), number);

      gtk_label_set_text (self->total_labels[i], number);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->total_buttons[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
}

static void
set_overdue_label (GtkLabel *label,
                   guint     count)
{
  g_autofree char *text = kz_format_int (count);

  gtk_label_set_text (label, text);
  if (count > 0)
    gtk_widget_add_css_class (GTK_WIDGET (label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
}

static void
total_activated_cb (KzOverviewPage  *self,
                    GtkFlowBoxChild *child)
{
  gtk_widget_activate (gtk_flow_box_child_get_child (child));
}

static void
fill_overdue (KzOverviewPage        *self,
              const KzOverviewStats *stats)
{
  set_overdue_label (self->overdue_label, stats->overdue_milestones);
  set_overdue_label (self->overdue_tasks_label, stats->overdue_tasks);
}

/* Funding */

static GtkWidget *
new_amount_bar (const char *name,
                gint64      amount,
                gint64      max,
                const char *style)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, MAX (max, 1));
  g_autofree char *money = kz_format_money (amount);
  /* Translators: "Applied: 12.000,00 €" under a funding programme */
  g_autofree char *text = g_strdup_printf (_("%s: %s"), name, money);
  GtkWidget *label = gtk_label_new (text);

  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), amount);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_accessible_update_state (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_widget_set_size_request (bar, 64, -1);
  gtk_widget_set_hexpand (bar, TRUE);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (bar, style);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_set_homogeneous (GTK_BOX (box), TRUE);

  return box;
}

/* What a screen reader says for the row: the bars are hidden from it. */
static void
set_funding_row_label (GtkWidget               *row,
                       const KzOverviewFunding *funding)
{
  g_autofree char *applied = kz_format_money (funding->applied);
  g_autofree char *granted = kz_format_money (funding->granted);
  /* Translators: accessible name of a funding programme's row on the
   * overview: programme, amount applied for, amount granted */
  g_autofree char *label = g_strdup_printf (_("%s: applied %s, granted %s"),
                                            funding->programme, applied, granted);

  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static GtkWidget *
new_funding_row (const KzOverviewFunding *funding,
                 gint64                   max)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (funding->programme);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), new_amount_bar (_("Applied"), funding->applied, max, "funding-applied"));
  gtk_box_append (GTK_BOX (box), new_amount_bar (_("Granted"), funding->granted, max, "funding-granted"));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-page");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", "funding");
  set_funding_row_label (row, funding);

  return row;
}

static void
fill_funding (KzOverviewPage        *self,
              const KzOverviewStats *stats)
{
  gint64 max = 0;

  list_clear (self->funding_list);
  for (guint i = 0; i < stats->funding->len; i++)
    {
      const KzOverviewFunding *funding = g_ptr_array_index (stats->funding, i);

      max = MAX (max, MAX (funding->applied, funding->granted));
    }

  for (guint i = 0; i < stats->funding->len; i++)
    gtk_list_box_append (self->funding_list, new_funding_row (g_ptr_array_index (stats->funding, i), max));
}

/* Heat map */

static void
show_heatmap (KzOverviewPage *self)
{
  guint dimension = gtk_drop_down_get_selected (self->dimension_dropdown);

  if (dimension < KZ_HEATMAP_N_DIMENSIONS)
    kz_heatmap_set_grid (self->heatmap, self->heatmaps[dimension]);
}

static void
fill_heatmaps (KzOverviewPage        *self,
               const KzOverviewStats *stats)
{
  for (guint dim = 0; dim < KZ_HEATMAP_N_DIMENSIONS; dim++)
    {
      g_clear_pointer (&self->heatmaps[dim], kz_heatmap_grid_unref);
      self->heatmaps[dim] = kz_heatmap_grid_ref (stats->heatmaps[dim]);
    }

  show_heatmap (self);
}

static void
dimension_changed_cb (KzOverviewPage *self)
{
  show_heatmap (self);
}

static void
heatmap_cell_activated_cb (KzOverviewPage *self,
                           guint           row,
                           guint           column,
                           KzHeatmap      *heatmap)
{
  g_auto(GStrv) items = kz_heatmap_grid_dup_filter_items (kz_heatmap_get_grid (heatmap), row, column);

  open_projects (self, (const char * const *)items);
}

static void
set_subtitle (KzOverviewPage *self,
              const char     *today)
{
  g_autofree char *date = kz_format_date (today);

  g_free (self->subtitle);
  /* Translators: subtitle of the overview, %s is a date */
  self->subtitle = g_strdup_printf (_("As of %s"), date);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SUBTITLE]);
}

/* Loading */

static void
stats_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  KzStore *store = task_data;
  GError *error = NULL;
  KzOverviewStats *stats = kz_overview_stats_load (store, NULL, cancellable, &error);

  if (stats == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, stats, (GDestroyNotify)kz_overview_stats_free);
}

static void
stats_ready_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  KzOverviewPage *self = KZ_OVERVIEW_PAGE (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(KzOverviewStats) stats = g_task_propagate_pointer (G_TASK (result), &error);

  if (stats != NULL)
    {
      g_debug ("Computed the overview in %" G_GINT64_FORMAT " ms",
               (g_get_monotonic_time () - self->load_started) / 1000);
      kz_overview_page_show_stats (self, stats);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_message ("Could not compute the overview: %s", error->message);
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "error");
  gtk_spinner_stop (self->spinner);
}

static void
load (KzOverviewPage *self)
{
  g_autoptr(GTask) task = NULL;

  g_assert (self->context != NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->dirty = FALSE;
  self->load_started = g_get_monotonic_time ();

  if (!self->loaded)
    {
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }

  task = g_task_new (self, self->cancellable, stats_ready_cb, NULL);
  g_task_set_source_tag (task, load);
  g_task_set_task_data (task, g_object_ref (kz_context_get_store (self->context)), g_object_unref);
  kz_thread_task_run (task, stats_worker);
}

static void
context_changed_cb (KzOverviewPage *self,
                    guint           kind,
                    KzContext      *context)
{
  kz_overview_page_reload (self);
}

static void
load_if_needed (GtkWidget *widget)
{
  KzOverviewPage *self = KZ_OVERVIEW_PAGE (widget);

  if (self->context != NULL && gtk_widget_get_mapped (widget) && (self->dirty || !self->loaded))
    load (self);
}

/* GObject */

static void
kz_overview_page_map (GtkWidget *widget)
{
  KzOverviewPage *self = (KzOverviewPage *)widget;

  GTK_WIDGET_CLASS (kz_overview_page_parent_class)->map (widget);

  if (self->context == NULL || !(self->dirty || !self->loaded))
    return;

  if (!self->loaded)
    {
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }
  /* The figures read the whole portfolio: the window's first frame
   * does not wait for them. */
  kz_after_first_paint (widget, load_if_needed);
}

static void
kz_overview_page_dispose (GObject *object)
{
  KzOverviewPage *self = (KzOverviewPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  /* AdwBin unparents its child itself. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KZ_TYPE_OVERVIEW_PAGE);

  g_clear_object (&self->context);

  G_OBJECT_CLASS (kz_overview_page_parent_class)->dispose (object);
}

static void
kz_overview_page_finalize (GObject *object)
{
  KzOverviewPage *self = (KzOverviewPage *)object;

  g_clear_pointer (&self->subtitle, g_free);
  for (guint dim = 0; dim < KZ_HEATMAP_N_DIMENSIONS; dim++)
    g_clear_pointer (&self->heatmaps[dim], kz_heatmap_grid_unref);

  G_OBJECT_CLASS (kz_overview_page_parent_class)->finalize (object);
}

static void
kz_overview_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KzOverviewPage *self = KZ_OVERVIEW_PAGE (object);

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
kz_overview_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KzOverviewPage *self = KZ_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      kz_overview_page_set_context (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kz_overview_page_class_init (KzOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kz_overview_page_dispose;
  object_class->finalize = kz_overview_page_finalize;
  object_class->get_property = kz_overview_page_get_property;
  object_class->set_property = kz_overview_page_set_property;

  widget_class->map = kz_overview_page_map;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         KZ_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Kompetenz/ui/kz-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KzOverviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KzOverviewPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, KzOverviewPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, KzOverviewPage, totals_box);
  gtk_widget_class_bind_template_child (widget_class, KzOverviewPage, sections_box);
  gtk_widget_class_bind_template_child (widget_class, KzOverviewPage, status_list);
  gtk_widget_class_bind_template_child (widget_class, KzOverviewPage, health_list);
  gtk_widget_class_bind_template_child (widget_class, KzOverviewPage, sessions_list);
  gtk_widget_class_bind_template_child (widget_class, KzOverviewPage, deadlines_list);
  gtk_widget_class_bind_template_child (widget_class, KzOverviewPage, overdue_row);
  gtk_widget_class_bind_template_child (widget_class, KzOverviewPage, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, KzOverviewPage, overdue_tasks_label);
  gtk_widget_class_bind_template_child (widget_class, KzOverviewPage, funding_list);
  gtk_widget_class_bind_template_child (widget_class, KzOverviewPage, dimension_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KzOverviewPage, dimension_list);
  gtk_widget_class_bind_template_child (widget_class, KzOverviewPage, heatmap);
  gtk_widget_class_bind_template_callback (widget_class, dimension_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, total_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, heatmap_cell_activated_cb);

  g_type_ensure (KZ_TYPE_HEATMAP);
}

static void
kz_overview_page_init (KzOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint dim = 0; dim < KZ_HEATMAP_N_DIMENSIONS; dim++)
    gtk_string_list_append (self->dimension_list, kz_heatmap_dimension_get_label (dim));
  build_totals (self);
  self->maturity = kz_maturity_summary_new ();
  gtk_flow_box_append (self->sections_box, self->maturity);
  /* Two sections side by side when each can have this much width,
   * however long the names in them. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sections_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    kz_layout_set_natural_width (child, SECTION_NATURAL_WIDTH);
  set_placeholder (self->sessions_list, _("No training sessions are planned from today on."));
  set_placeholder (self->deadlines_list, _("No call deadlines lie ahead."));
}

GtkWidget *
kz_overview_page_new (KzContext *context)
{
  g_return_val_if_fail (!context || KZ_IS_CONTEXT (context), NULL);

  return g_object_new (KZ_TYPE_OVERVIEW_PAGE,
                       "context", context,
                       NULL);
}

KzContext *
kz_overview_page_get_context (KzOverviewPage *self)
{
  g_return_val_if_fail (KZ_IS_OVERVIEW_PAGE (self), NULL);

  return self->context;
}

void
kz_overview_page_set_context (KzOverviewPage *self,
                              KzContext      *context)
{
  g_return_if_fail (KZ_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (!context || KZ_IS_CONTEXT (context));

  if (self->context == context)
    return;

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_func (self->context, context_changed_cb, self);
  g_set_object (&self->context, context);
  if (context != NULL)
    g_signal_connect_object (context, "changed", G_CALLBACK (context_changed_cb),
                             self, G_CONNECT_SWAPPED);

  self->loaded = FALSE;
  kz_maturity_summary_set_context (KZ_MATURITY_SUMMARY (self->maturity), context);
  kz_overview_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONTEXT]);
}

const char *
kz_overview_page_get_subtitle (KzOverviewPage *self)
{
  g_return_val_if_fail (KZ_IS_OVERVIEW_PAGE (self), NULL);

  return self->subtitle;
}

void
kz_overview_page_show_stats (KzOverviewPage  *self,
                             KzOverviewStats *stats)
{
  guint projects;

  g_return_if_fail (KZ_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (stats != NULL);

  projects = stats->counts[KZ_KIND_PROJECT];
  fill_totals (self, stats);
  fill_vocabulary (self, self->status_list, "status", &kz_vocab_status, stats->projects_by_status, projects, FALSE);
  fill_vocabulary (self, self->health_list, "health", &kz_vocab_health, stats->projects_by_health, projects, TRUE);
  fill_funding (self, stats);
  fill_heatmaps (self, stats);
  fill_events (self->sessions_list, stats->sessions);
  fill_events (self->deadlines_list, stats->deadlines);
  fill_overdue (self, stats);
  set_subtitle (self, stats->today);

  self->loaded = TRUE;
  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "overview");
}

void
kz_overview_page_reload (KzOverviewPage *self)
{
  g_return_if_fail (KZ_IS_OVERVIEW_PAGE (self));

  if (self->context == NULL)
    return;

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load (self);
  else
    self->dirty = TRUE;
}
