/* kz-heatmap.c
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

#define G_LOG_DOMAIN "kz-heatmap"

#include "config.h"

#include <glib/gi18n.h>

#include "kz-heatmap.h"

#define CELL_WIDTH    48
#define CELL_HEIGHT   32
#define GAP            2
#define LABEL_PAD      8
#define MAX_LABEL    180

struct _KzHeatmap
{
  GtkWidget      parent_instance;
  KzHeatmapGrid *grid;
  int            focus_row;
  int            focus_column;
};

G_DEFINE_FINAL_TYPE (KzHeatmap, kz_heatmap, GTK_TYPE_WIDGET)
G_DEFINE_BOXED_TYPE (KzHeatmapGrid, kz_heatmap_grid, kz_heatmap_grid_ref, kz_heatmap_grid_unref)

enum { CELL_ACTIVATED, N_SIGNALS };
static guint signals [N_SIGNALS];

/* The grid */

static const struct {
  const char         *facet;   /* filter facet of the projects list */
  const char         *org_field;
  const char         *label;
} dimensions[] = {
  { "lead_organisation_id.district", "district", N_("District") },
  { "lead_organisation_id.umbrella", "umbrella", N_("Umbrella association") },
  { "field_of_work", NULL, N_("Field of work") },
};

static const KzVocabulary *
dimension_vocab (KzHeatmapDimension dimension)
{
  switch (dimension)
    {
    case KZ_HEATMAP_DISTRICT: return &kz_vocab_district;
    case KZ_HEATMAP_UMBRELLA: return &kz_vocab_umbrella;
    case KZ_HEATMAP_FIELD_OF_WORK: return &kz_vocab_field_of_work;
    case KZ_HEATMAP_N_DIMENSIONS:
    default: g_return_val_if_reached (NULL);
    }
}

const char *
kz_heatmap_dimension_get_label (KzHeatmapDimension dimension)
{
  g_return_val_if_fail (dimension < KZ_HEATMAP_N_DIMENSIONS, NULL);

  return _(dimensions[dimension].label);
}

KzHeatmapGrid *
kz_heatmap_grid_new (KzHeatmapDimension dimension)
{
  KzHeatmapGrid *grid;

  g_return_val_if_fail (dimension < KZ_HEATMAP_N_DIMENSIONS, NULL);

  grid = g_new0 (KzHeatmapGrid, 1);
  g_atomic_ref_count_init (&grid->ref_count);
  grid->dimension = dimension;
  grid->rows = &kz_vocab_focus_area;
  grid->columns = dimension_vocab (dimension);
  grid->cells = g_new0 (guint, grid->rows->n_terms * grid->columns->n_terms);

  return grid;
}

KzHeatmapGrid *
kz_heatmap_grid_ref (KzHeatmapGrid *grid)
{
  g_return_val_if_fail (grid != NULL, NULL);

  g_atomic_ref_count_inc (&grid->ref_count);
  return grid;
}

void
kz_heatmap_grid_unref (KzHeatmapGrid *grid)
{
  g_return_if_fail (grid != NULL);

  if (g_atomic_ref_count_dec (&grid->ref_count))
    {
      g_free (grid->cells);
      g_free (grid);
    }
}

static int
term_index (const KzVocabulary *vocab,
            const char         *id)
{
  const KzTerm *term = id ? kz_vocabulary_lookup (vocab, id) : NULL;

  return term ? (int)(term - vocab->terms) : -1;
}

gboolean
kz_heatmap_grid_add_count (KzHeatmapGrid *grid,
                           const char    *row_term,
                           const char    *column_term,
                           guint          count)
{
  int row, column;
  guint *cell;

  g_return_val_if_fail (grid != NULL, FALSE);

  row = term_index (grid->rows, row_term);
  column = term_index (grid->columns, column_term);
  if (row < 0 || column < 0)
    return FALSE;

  cell = &grid->cells[row * grid->columns->n_terms + column];
  *cell += count;
  grid->max = MAX (grid->max, *cell);
  grid->total += count;

  return TRUE;
}

gboolean
kz_heatmap_grid_add (KzHeatmapGrid *grid,
                     const char    *row_term,
                     const char    *column_term)
{
  return kz_heatmap_grid_add_count (grid, row_term, column_term, 1);
}

guint
kz_heatmap_grid_get (KzHeatmapGrid *grid,
                     guint          row,
                     guint          column)
{
  g_return_val_if_fail (grid != NULL, 0);
  g_return_val_if_fail (row < grid->rows->n_terms && column < grid->columns->n_terms, 0);

  return grid->cells[row * grid->columns->n_terms + column];
}

KzHeatmapGrid *
kz_heatmap_group (GListModel         *projects,
                  GHashTable         *organisations,
                  KzHeatmapDimension  dimension)
{
  KzHeatmapGrid *grid = kz_heatmap_grid_new (dimension);
  const char *org_field = dimensions[dimension].org_field;
  guint n = g_list_model_get_n_items (projects);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KzRecord) project = g_list_model_get_item (projects, i);
      const char *column = NULL;

      if (org_field == NULL)
        column = kz_record_get_string (project, "field_of_work");
      else if (organisations != NULL)
        {
          const char *lead = kz_record_get_string (project, "lead_organisation_id");
          KzRecord *org = lead ? g_hash_table_lookup (organisations, lead) : NULL;

          column = org ? kz_record_get_string (org, org_field) : NULL;
        }

      kz_heatmap_grid_add (grid, kz_record_get_string (project, "focus_area"), column);
    }

  return grid;
}

/* The columns of the grouped query: the focus area, then the column
 * term of each dimension, in the order of the dimensions. */
static const char * const group_fields[] = {
  "focus_area",
  "lead_organisation_id.district",
  "lead_organisation_id.umbrella",
  "field_of_work",
  NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (group_fields) == KZ_HEATMAP_N_DIMENSIONS + 2);

const char * const *
kz_heatmap_group_fields (void)
{
  return group_fields;
}

KzHeatmapGrid *
kz_heatmap_group_counts (GPtrArray          *groups,
                         KzHeatmapDimension  dimension)
{
  KzHeatmapGrid *grid;

  g_return_val_if_fail (groups != NULL, NULL);
  g_return_val_if_fail (dimension < KZ_HEATMAP_N_DIMENSIONS, NULL);

  grid = kz_heatmap_grid_new (dimension);
  for (guint i = 0; i < groups->len; i++)
    {
      const KzStoreGroup *group = g_ptr_array_index (groups, i);

      g_return_val_if_fail (group->n_values == KZ_HEATMAP_N_DIMENSIONS + 1, grid);
      /* The rows of the other dimensions add up in the cell. */
      kz_heatmap_grid_add_count (grid, group->values[0], group->values[1 + dimension], group->count);
    }

  return grid;
}

GStrv
kz_heatmap_grid_dup_filter_items (KzHeatmapGrid *grid,
                                  guint          row,
                                  guint          column)
{
  char **items;

  g_return_val_if_fail (grid != NULL, NULL);
  g_return_val_if_fail (row < grid->rows->n_terms && column < grid->columns->n_terms, NULL);

  items = g_new0 (char *, 3);
  items[0] = g_strconcat ("focus_area=", grid->rows->terms[row].id, NULL);
  items[1] = g_strconcat (dimensions[grid->dimension].facet, "=", grid->columns->terms[column].id, NULL);

  return items;
}

/* Geometry */

typedef struct
{
  int label_width;    /* width of the row labels */
  int header_height;  /* height of the rotated column labels */
} Geometry;

static PangoLayout *
new_label_layout (KzHeatmap  *self,
                  const char *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  pango_layout_set_width (layout, MAX_LABEL * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  return layout;
}

static int
max_label_width (KzHeatmap          *self,
                 const KzVocabulary *vocab)
{
  int widest = 0;

  for (guint i = 0; i < vocab->n_terms; i++)
    {
      g_autoptr(PangoLayout) layout = new_label_layout (self, kz_vocabulary_get_label (vocab, vocab->terms[i].id));
      int width;

      pango_layout_get_pixel_size (layout, &width, NULL);
      widest = MAX (widest, width);
    }

  return widest + LABEL_PAD;
}

static Geometry
get_geometry (KzHeatmap *self)
{
  Geometry geometry = { 0, 0 };

  if (self->grid != NULL)
    {
      geometry.label_width = max_label_width (self, self->grid->rows);
      geometry.header_height = max_label_width (self, self->grid->columns);
    }

  return geometry;
}

static gboolean
cell_at (KzHeatmap *self,
         double     x,
         double     y,
         guint     *row,
         guint     *column)
{
  Geometry geometry = get_geometry (self);
  int c, r;

  if (self->grid == NULL || x < geometry.label_width || y < geometry.header_height)
    return FALSE;

  c = (int)(x - geometry.label_width) / CELL_WIDTH;
  r = (int)(y - geometry.header_height) / CELL_HEIGHT;
  if (c >= (int)self->grid->columns->n_terms || r >= (int)self->grid->rows->n_terms)
    return FALSE;

  *row = r;
  *column = c;
  return TRUE;
}

static char *
cell_description (KzHeatmap *self,
                  guint      row,
                  guint      column)
{
  KzHeatmapGrid *grid = self->grid;
  guint count = kz_heatmap_grid_get (grid, row, column);
  g_autofree char *projects = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u project", "%u projects", count), count);

  /* Translators: tooltip of a heat map cell: focus area, district (or
   * umbrella association, field of work), number of projects */
  return g_strdup_printf (_("%s · %s: %s"),
                          kz_vocabulary_get_label (grid->rows, grid->rows->terms[row].id),
                          kz_vocabulary_get_label (grid->columns, grid->columns->terms[column].id),
                          projects);
}

/* Drawing */

static GdkRGBA
lookup_color (KzHeatmap  *self,
              const char *name,
              const char *fallback)
{
  GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA color;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (style, name, &color))
    gdk_rgba_parse (&color, fallback);
  G_GNUC_END_IGNORE_DEPRECATIONS

  return color;
}

static void
draw_labels (KzHeatmap   *self,
             GtkSnapshot *snapshot,
             Geometry    *geometry,
             GdkRGBA     *fg)
{
  KzHeatmapGrid *grid = self->grid;

  for (guint r = 0; r < grid->rows->n_terms; r++)
    {
      g_autoptr(PangoLayout) layout = new_label_layout (self, kz_vocabulary_get_label (grid->rows, grid->rows->terms[r].id));
      int height;

      pango_layout_get_pixel_size (layout, NULL, &height);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, geometry->header_height + r * CELL_HEIGHT + (CELL_HEIGHT - height) / 2));
      gtk_snapshot_append_layout (snapshot, layout, fg);
      gtk_snapshot_restore (snapshot);
    }

  for (guint c = 0; c < grid->columns->n_terms; c++)
    {
      g_autoptr(PangoLayout) layout = new_label_layout (self, kz_vocabulary_get_label (grid->columns, grid->columns->terms[c].id));
      int height;

      pango_layout_get_pixel_size (layout, NULL, &height);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (geometry->label_width + c * CELL_WIDTH + (CELL_WIDTH - height) / 2,
                                                              geometry->header_height - LABEL_PAD / 2));
      gtk_snapshot_rotate (snapshot, -90);
      gtk_snapshot_append_layout (snapshot, layout, fg);
      gtk_snapshot_restore (snapshot);
    }
}

static void
draw_cell (KzHeatmap   *self,
           GtkSnapshot *snapshot,
           Geometry    *geometry,
           guint        r,
           guint        c,
           GdkRGBA     *colors)
{
  guint count = kz_heatmap_grid_get (self->grid, r, c);
  graphene_rect_t rect = GRAPHENE_RECT_INIT (geometry->label_width + c * CELL_WIDTH, geometry->header_height + r * CELL_HEIGHT,
                                             CELL_WIDTH - GAP, CELL_HEIGHT - GAP);
  GdkRGBA fill = count ? colors[0] : colors[2];
  g_autofree char *text = g_strdup_printf ("%u", count);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  int width, height;

  /* Five alpha steps of the accent colour; empty cells a faint wash. */
  fill.alpha = count ? 0.2 + 0.8 * ceil (4.0 * count / MAX (self->grid->max, 1)) / 4.0 : 0.06;
  gtk_snapshot_append_color (snapshot, &fill, &rect);

  if ((int)r == self->focus_row && (int)c == self->focus_column && gtk_widget_has_visible_focus (GTK_WIDGET (self)))
    {
      GskRoundedRect outline;
      float widths[4] = { 2, 2, 2, 2 };
      GdkRGBA border[4] = { colors[2], colors[2], colors[2], colors[2] };

      gsk_rounded_rect_init_from_rect (&outline, &rect, 0);
      gtk_snapshot_append_border (snapshot, &outline, widths, border);
    }

  pango_layout_get_pixel_size (layout, &width, &height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (rect.origin.x + (rect.size.width - width) / 2,
                                                          rect.origin.y + (rect.size.height - height) / 2));
  gtk_snapshot_append_layout (snapshot, layout, fill.alpha > 0.6 ? &colors[1] : &colors[2]);
  gtk_snapshot_restore (snapshot);
}

static void
kz_heatmap_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  KzHeatmap *self = KZ_HEATMAP (widget);
  Geometry geometry = get_geometry (self);
  GdkRGBA colors[3];

  if (self->grid == NULL)
    return;

  colors[0] = lookup_color (self, "accent_bg_color", "#3584e4");
  colors[1] = lookup_color (self, "accent_fg_color", "#ffffff");
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &colors[2]);
  G_GNUC_END_IGNORE_DEPRECATIONS

  draw_labels (self, snapshot, &geometry, &colors[2]);
  for (guint r = 0; r < self->grid->rows->n_terms; r++)
    for (guint c = 0; c < self->grid->columns->n_terms; c++)
      draw_cell (self, snapshot, &geometry, r, c, colors);
}

static void
kz_heatmap_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  KzHeatmap *self = KZ_HEATMAP (widget);
  Geometry geometry = get_geometry (self);
  int size = 0;

  if (self->grid != NULL && orientation == GTK_ORIENTATION_HORIZONTAL)
    size = geometry.label_width + self->grid->columns->n_terms * CELL_WIDTH;
  else if (self->grid != NULL)
    size = geometry.header_height + self->grid->rows->n_terms * CELL_HEIGHT;

  *minimum = *natural = size;
}

/* Input */

static void
activate_cell (KzHeatmap *self,
               guint      row,
               guint      column)
{
  self->focus_row = row;
  self->focus_column = column;
  g_signal_emit (self, signals [CELL_ACTIVATED], 0, row, column);
}

static void
click_released_cb (KzHeatmap       *self,
                   int              n_press,
                   double           x,
                   double           y,
                   GtkGestureClick *gesture)
{
  guint row, column;

  if (cell_at (self, x, y, &row, &column))
    activate_cell (self, row, column);
}

static gboolean
key_pressed_cb (KzHeatmap             *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  int dx = 0, dy = 0;

  if (self->grid == NULL)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left: dx = -1; break;
    case GDK_KEY_Right: dx = 1; break;
    case GDK_KEY_Up: dy = -1; break;
    case GDK_KEY_Down: dy = 1; break;
    case GDK_KEY_Return: case GDK_KEY_KP_Enter: case GDK_KEY_space:
      activate_cell (self, self->focus_row, self->focus_column);
      return TRUE;
    default:
      return FALSE;
    }

  self->focus_row = CLAMP (self->focus_row + dy, 0, (int)self->grid->rows->n_terms - 1);
  self->focus_column = CLAMP (self->focus_column + dx, 0, (int)self->grid->columns->n_terms - 1);
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

static gboolean
kz_heatmap_query_tooltip (GtkWidget  *widget,
                          int         x,
                          int         y,
                          gboolean    keyboard,
                          GtkTooltip *tooltip)
{
  KzHeatmap *self = KZ_HEATMAP (widget);
  g_autofree char *text = NULL;
  guint row = self->focus_row, column = self->focus_column;

  if (self->grid == NULL || (!keyboard && !cell_at (self, x, y, &row, &column)))
    return FALSE;

  text = cell_description (self, row, column);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* GObject */

static void
kz_heatmap_finalize (GObject *object)
{
  KzHeatmap *self = (KzHeatmap *)object;

  g_clear_pointer (&self->grid, kz_heatmap_grid_unref);

  G_OBJECT_CLASS (kz_heatmap_parent_class)->finalize (object);
}

static void
kz_heatmap_class_init (KzHeatmapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = kz_heatmap_finalize;
  widget_class->snapshot = kz_heatmap_snapshot;
  widget_class->measure = kz_heatmap_measure;
  widget_class->query_tooltip = kz_heatmap_query_tooltip;

  signals [CELL_ACTIVATED] =
    g_signal_new ("cell-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "heatmap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
kz_heatmap_init (KzHeatmap *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_signal_connect_object (click, "released", G_CALLBACK (click_released_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
}

GtkWidget *
kz_heatmap_new (void)
{
  return g_object_new (KZ_TYPE_HEATMAP, NULL);
}

void
kz_heatmap_set_grid (KzHeatmap     *self,
                     KzHeatmapGrid *grid)
{
  g_autofree char *label = NULL;

  g_return_if_fail (KZ_IS_HEATMAP (self));

  if (grid != NULL)
    kz_heatmap_grid_ref (grid);
  g_clear_pointer (&self->grid, kz_heatmap_grid_unref);
  self->grid = grid;
  self->focus_row = self->focus_column = 0;

  if (grid != NULL)
    {
      /* Translators: accessible name of the heat map; %s is "District",
       * "Umbrella association" or "Field of work" */
      label = g_strdup_printf (_("Projects by focus area and %s"), kz_heatmap_dimension_get_label (grid->dimension));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

KzHeatmapGrid *
kz_heatmap_get_grid (KzHeatmap *self)
{
  g_return_val_if_fail (KZ_IS_HEATMAP (self), NULL);

  return self->grid;
}
