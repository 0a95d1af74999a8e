/* kz-report-summary.c
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

#define G_LOG_DOMAIN "kz-report"

#include "config.h"

#include "kz-format.h"
#include "kz-report-private.h"

/* The title page, the summary figures and the heat map. */

#define HEAT_LABEL_WIDTH 120.0
#define HEAT_ROW_HEIGHT   14.0
#define HEAT_HEADER_HEIGHT 120.0
#define BAR_WIDTH        160.0

void
_kz_report_heading (KzReport   *report,
                    const char *text,
                    gboolean    outline)
{
  if (outline)
    _kz_canvas_add_outline (report->canvas, CAIRO_PDF_OUTLINE_ROOT, text, FALSE);
  _kz_canvas_paragraph (report->canvas, KZ_STYLE_HEADING, text);
  _kz_canvas_space (report->canvas, 10);
}

void
_kz_report_subheading (KzReport   *report,
                       const char *text)
{
  _kz_canvas_space (report->canvas, 12);
  _kz_canvas_ensure (report->canvas, 60);
  _kz_canvas_paragraph (report->canvas, KZ_STYLE_SUBHEADING, text);
  _kz_canvas_space (report->canvas, 4);
}

void
_kz_report_title_page (KzReport *report)
{
  KzCanvas *canvas = report->canvas;
  guint n = report->projects->len;
  g_autofree char *date = g_strdup_printf (_("As of %s"), report->date);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u project",
                                                         "%u projects", n), n);
  g_autofree char *selection = g_strdup_printf (_("Selection: %s"), report->selection);

  _kz_canvas_new_page (canvas);
  _kz_canvas_add_outline (canvas, CAIRO_PDF_OUTLINE_ROOT, report->title, FALSE);
  _kz_canvas_set_y (canvas, 220);
  _kz_canvas_paragraph (canvas, KZ_STYLE_TITLE, report->title);
  _kz_canvas_space (canvas, 24);
  _kz_canvas_paragraph (canvas, KZ_STYLE_SUBHEADING, date);
  _kz_canvas_space (canvas, 8);
  _kz_canvas_paragraph (canvas, KZ_STYLE_BODY, count);
  _kz_canvas_space (canvas, 4);
  _kz_canvas_paragraph (canvas, KZ_STYLE_BODY, selection);
}

/* --- Summary -------------------------------------------------------- */

static void
bar (KzReport *report,
     double    y,
     double    x,
     double    share)
{
  if (share > 0)
    _kz_canvas_fill (report->canvas, x, y + 3, MAX (1.0, BAR_WIDTH * share), 8, 0.25, 0.45, 0.7);
}

/* One row of a count table, with a bar for its share. */
static void
count_row (KzReport      *report,
           const KzTable *table,
           const char    *label,
           guint          count,
           guint          total)
{
  g_autofree char *number = kz_format_int (count);
  g_autofree char *percent = g_strdup_printf ("%.0f %%", total ? 100.0 * count / total : 0.0);
  const char *cells[] = { label, number, percent, "" };
  double y = _kz_canvas_get_y (report->canvas);
  guint page = _kz_canvas_get_page (report->canvas);
  double x = KZ_MARGIN + table->columns[0].width + table->columns[1].width + table->columns[2].width;

  _kz_table_row (report->canvas, table, cells, FALSE);
  if (page == _kz_canvas_get_page (report->canvas))
    bar (report, y, x + 3, total ? (double)count / total : 0);
}

static void
count_table (KzReport           *report,
             const char         *title,
             const char         *field,
             const KzVocabulary *vocab,
             const char         *unset_label)
{
  const KzColumn columns[] = {
    { _kz_report_label (KZ_KIND_PROJECT, field), 150, PANGO_ALIGN_LEFT },
    { _("Projects"), 60, PANGO_ALIGN_RIGHT },
    { _("Share"), 50, PANGO_ALIGN_RIGHT },
    { "", BAR_WIDTH + 10, PANGO_ALIGN_LEFT },
  };
  const KzTable table = { columns, G_N_ELEMENTS (columns), KZ_STYLE_TABLE, KZ_STYLE_TABLE_BOLD };
  g_autofree guint *counts = g_new0 (guint, vocab->n_terms + 1);
  guint total = report->projects->len;

  for (guint i = 0; i < total; i++)
    {
      KzReportProject *p = report->projects->pdata[i];
      const char *id = kz_record_get_string (p->project, field);
      guint t = vocab->n_terms;

      for (guint j = 0; id != NULL && j < vocab->n_terms; j++)
        if (g_str_equal (vocab->terms[j].id, id))
          t = j;
      counts[t]++;
    }

  _kz_report_subheading (report, title);
  _kz_table_begin (report->canvas, &table);
  for (guint j = 0; j < vocab->n_terms; j++)
    count_row (report, &table, kz_vocabulary_get_label (vocab, vocab->terms[j].id), counts[j], total);
  if (counts[vocab->n_terms] > 0)
    count_row (report, &table, unset_label, counts[vocab->n_terms], total);
  _kz_table_end (report->canvas);
}

static void
value_table (KzReport           *report,
             const char         *title,
             const char * const *labels,
             char              **values,
             guint               n)
{
  const KzColumn columns[] = {
    { "", 210, PANGO_ALIGN_LEFT },
    { _("Total"), 110, PANGO_ALIGN_RIGHT },
  };
  const KzTable table = { columns, G_N_ELEMENTS (columns), KZ_STYLE_TABLE, KZ_STYLE_TABLE_BOLD };

  _kz_report_subheading (report, title);
  _kz_table_begin (report->canvas, &table);
  for (guint i = 0; i < n; i++)
    {
      const char *cells[] = { labels[i], values[i] };

      _kz_table_row (report->canvas, &table, cells, FALSE);
    }
  _kz_table_end (report->canvas);
}

static void
budgets (KzReport *report)
{
  gint64 planned = 0, actual = 0;
  const char *labels[] = {
    _kz_report_label (KZ_KIND_PROJECT, "budget_planned"),
    _kz_report_label (KZ_KIND_PROJECT, "budget_actual"),
  };
  char *values[2];

  for (guint i = 0; i < report->projects->len; i++)
    {
      KzReportProject *p = report->projects->pdata[i];

      planned += kz_record_get_int (p->project, "budget_planned");
      actual += kz_record_get_int (p->project, "budget_actual");
    }

  values[0] = kz_format_money (planned);
  values[1] = kz_format_money (actual);
  value_table (report, _("Budgets"), labels, values, G_N_ELEMENTS (labels));
  g_free (values[0]);
  g_free (values[1]);
}

/* Applications linked to the projects, each counted once. */
static void
funding (KzReport *report)
{
  gint64 applied = 0, granted = 0;
  const char *labels[] = {
    g_dgettext (GETTEXT_PACKAGE, kz_kind_get_info (KZ_KIND_APPLICATION)->plural_label),
    _kz_report_label (KZ_KIND_APPLICATION, "amount_applied"),
    _kz_report_label (KZ_KIND_APPLICATION, "amount_granted"),
  };
  char *values[3];
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, report->applications);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      applied += kz_record_get_int (value, "amount_applied");
      granted += kz_record_get_int (value, "amount_granted");
    }

  values[0] = kz_format_int (g_hash_table_size (report->applications));
  values[1] = kz_format_money (applied);
  values[2] = kz_format_money (granted);
  value_table (report, _("Funding"), labels, values, G_N_ELEMENTS (labels));
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_free (values[i]);
}

void
_kz_report_summary (KzReport *report)
{
  _kz_canvas_new_page (report->canvas);
  _kz_report_heading (report, _("Summary"), TRUE);

  count_table (report, _("Projects by status"), "status", &kz_vocab_status, _("Not set"));
  count_table (report, _("Projects by health"), "health", &kz_vocab_health, _("Not assessed"));
  budgets (report);
  funding (report);
}

/* --- Heat map ------------------------------------------------------- */

typedef struct
{
  GPtrArray *districts;   /* district ids in display order; "" for none */
  GPtrArray *areas;       /* focus area ids; "" for none */
  guint     *counts;      /* districts x areas */
  guint      max;
} HeatMap;

static void
heat_map_clear (HeatMap *map)
{
  g_clear_pointer (&map->districts, g_ptr_array_unref);
  g_clear_pointer (&map->areas, g_ptr_array_unref);
  g_clear_pointer (&map->counts, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HeatMap, heat_map_clear)

static const char *
district_label (const char *id)
{
  return id[0] ? kz_vocabulary_get_label (&kz_vocab_district, id) : _("No district");
}

static gint
compare_districts (gconstpointer a,
                   gconstpointer b)
{
  const char *da = *(const char **)a;
  const char *db = *(const char **)b;

  if (da[0] == 0 || db[0] == 0)   /* "no district" goes last */
    return (da[0] == 0) - (db[0] == 0);
  return g_utf8_collate (district_label (da), district_label (db));
}

static guint
index_of (GPtrArray  *ids,
          const char *id)
{
  guint index = 0;

  g_ptr_array_find_with_equal_func (ids, id, g_str_equal, &index);
  return index;
}

static void
heat_map_axes (KzReport *report,
               HeatMap  *map)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean no_area = FALSE;

  map->districts = g_ptr_array_new ();
  map->areas = g_ptr_array_new ();
  for (guint i = 0; i < report->projects->len; i++)
    {
      KzReportProject *p = report->projects->pdata[i];
      const char *district = p->district ? p->district : "";

      if (g_hash_table_add (seen, (gpointer)district))
        g_ptr_array_add (map->districts, (gpointer)district);
      no_area |= !kz_record_is_set (p->project, "focus_area");
    }
  g_ptr_array_sort (map->districts, compare_districts);

  for (guint j = 0; j < kz_vocab_focus_area.n_terms; j++)
    g_ptr_array_add (map->areas, (gpointer)kz_vocab_focus_area.terms[j].id);
  if (no_area)
    g_ptr_array_add (map->areas, (gpointer)"");
}

static void
heat_map_count (KzReport *report,
                HeatMap  *map)
{
  map->counts = g_new0 (guint, map->districts->len * map->areas->len);
  for (guint i = 0; i < report->projects->len; i++)
    {
      KzReportProject *p = report->projects->pdata[i];
      const char *area = kz_record_get_string (p->project, "focus_area");
      guint row = index_of (map->districts, p->district ? p->district : "");
      guint col = index_of (map->areas, area ? area : "");
      guint *cell = &map->counts[row * map->areas->len + col];

      map->max = MAX (map->max, ++*cell);
    }
}

static double
cell_width (HeatMap *map)
{
  return (KZ_CONTENT_WIDTH - HEAT_LABEL_WIDTH) / (map->areas->len + 1);
}

static void
heat_map_header (KzReport *report,
                 HeatMap  *map)
{
  KzCanvas *canvas = report->canvas;
  double w = cell_width (map), y = _kz_canvas_get_y (canvas);
  double bottom = y + HEAT_HEADER_HEIGHT;

  for (guint j = 0; j <= map->areas->len; j++)
    {
      const char *id = j < map->areas->len ? map->areas->pdata[j] : NULL;
      const char *label = id == NULL ? _("Total")
                        : id[0] ? kz_vocabulary_get_label (&kz_vocab_focus_area, id) : _("No focus area");

      _kz_canvas_draw_upwards (canvas, KZ_STYLE_SMALL, KZ_MARGIN + HEAT_LABEL_WIDTH + j * w,
                               bottom, w, HEAT_HEADER_HEIGHT, label);
    }
  _kz_canvas_draw (canvas, KZ_STYLE_TABLE_BOLD, KZ_MARGIN, bottom - 12, HEAT_LABEL_WIDTH,
                   PANGO_ALIGN_LEFT, _kz_report_label (KZ_KIND_ORGANISATION, "district"));
  _kz_canvas_set_y (canvas, bottom + 4);
}

static void
heat_cell (KzReport *report,
           double    x,
           double    y,
           double    w,
           guint     count,
           guint     max)
{
  g_autofree char *text = count ? g_strdup_printf ("%u", count) : NULL;
  double t = max ? (double)count / max : 0;

  _kz_canvas_fill (report->canvas, x + 1, y + 1, w - 2, HEAT_ROW_HEIGHT - 2,
                   1 - t * 0.87, 1 - t * 0.66, 1 - t * 0.38);
  if (text == NULL)
    return;
  if (t > 0.55)
    _kz_canvas_set_color (report->canvas, 1, 1, 1);
  _kz_canvas_draw (report->canvas, KZ_STYLE_TABLE, x, y + 3, w, PANGO_ALIGN_CENTER, text);
  _kz_canvas_set_color (report->canvas, 0, 0, 0);
}

static void
heat_map_row (KzReport *report,
              HeatMap  *map,
              guint     row)
{
  KzCanvas *canvas = report->canvas;
  double w = cell_width (map), y;
  guint total = 0;
  g_autofree char *sum = NULL;

  if (_kz_canvas_ensure (canvas, HEAT_ROW_HEIGHT))
    heat_map_header (report, map);
  y = _kz_canvas_get_y (canvas);

  _kz_canvas_draw (canvas, KZ_STYLE_TABLE, KZ_MARGIN, y + 3, HEAT_LABEL_WIDTH - 4, PANGO_ALIGN_LEFT,
                   district_label (map->districts->pdata[row]));
  for (guint j = 0; j < map->areas->len; j++)
    {
      guint count = map->counts[row * map->areas->len + j];

      heat_cell (report, KZ_MARGIN + HEAT_LABEL_WIDTH + j * w, y, w, count, map->max);
      total += count;
    }
  sum = g_strdup_printf ("%u", total);
  _kz_canvas_draw (canvas, KZ_STYLE_TABLE_BOLD, KZ_MARGIN + HEAT_LABEL_WIDTH + map->areas->len * w,
                   y + 3, w, PANGO_ALIGN_CENTER, sum);
  _kz_canvas_set_y (canvas, y + HEAT_ROW_HEIGHT);
}

void
_kz_report_heat_map (KzReport *report)
{
  g_auto(HeatMap) map = { NULL, NULL, NULL, 0 };

  _kz_canvas_new_page (report->canvas);
  _kz_report_heading (report, _("Projects by focus area and district"), TRUE);
  _kz_canvas_paragraph (report->canvas, KZ_STYLE_SMALL,
                        _("Number of projects per focus area and district of the lead "
                          "organisation. Darker cells hold more projects."));
  _kz_canvas_space (report->canvas, 10);

  heat_map_axes (report, &map);
  heat_map_count (report, &map);
  if (map.districts->len == 0)
    {
      _kz_canvas_paragraph (report->canvas, KZ_STYLE_BODY, _("No projects."));
      return;
    }

  heat_map_header (report, &map);
  for (guint row = 0; row < map.districts->len; row++)
    heat_map_row (report, &map, row);
}
