/* kz-report-canvas.c
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


#include "kz-report-private.h"

#define CELL_PAD 3.0

struct _KzCanvas
{
  cairo_surface_t      *surface;
  cairo_t              *cr;
  PangoLayout          *layout;     /* one layout reused for every text */
  PangoFontDescription *fonts[KZ_N_STYLES];
  char                 *footer;
  double                y;
  guint                 page;       /* the current page, from 1; 0 before the first */
  const KzTable        *table;      /* whose header repeats on a new page */
};

static const char *font_names[KZ_N_STYLES] = {
  [KZ_STYLE_TITLE]      = "Sans Bold 24",
  [KZ_STYLE_HEADING]    = "Sans Bold 15",
  [KZ_STYLE_SUBHEADING] = "Sans Bold 11",
  [KZ_STYLE_BODY]       = "Sans 10",
  [KZ_STYLE_BOLD]       = "Sans Bold 10",
  [KZ_STYLE_TABLE]      = "Sans 8",
  [KZ_STYLE_TABLE_BOLD] = "Sans Bold 8",
  [KZ_STYLE_SMALL]      = "Sans 7",
};

KzCanvas *
_kz_canvas_new (cairo_write_func_t  write,
                gpointer            closure,
                const char         *footer)
{
  KzCanvas *self = g_new0 (KzCanvas, 1);

  self->surface = cairo_pdf_surface_create_for_stream (write, closure, KZ_PAGE_WIDTH, KZ_PAGE_HEIGHT);
  self->cr = cairo_create (self->surface);
  self->layout = pango_cairo_create_layout (self->cr);
  /* Font sizes in PDF points, not at the 96 dpi of a screen. */
  pango_cairo_context_set_resolution (pango_layout_get_context (self->layout), 72);
  pango_layout_context_changed (self->layout);
  pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
  for (guint i = 0; i < KZ_N_STYLES; i++)
    self->fonts[i] = pango_font_description_from_string (font_names[i]);
  self->footer = g_strdup (footer);

  return self;
}

void
_kz_canvas_free (KzCanvas *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->layout);
  g_clear_pointer (&self->cr, cairo_destroy);
  g_clear_pointer (&self->surface, cairo_surface_destroy);
  for (guint i = 0; i < KZ_N_STYLES; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_free (self->footer);
  g_free (self);
}

cairo_t *
_kz_canvas_get_cr (KzCanvas *self)
{
  return self->cr;
}

guint
_kz_canvas_get_page (KzCanvas *self)
{
  return self->page;
}

double
_kz_canvas_get_y (KzCanvas *self)
{
  return self->y;
}

void
_kz_canvas_set_y (KzCanvas *self,
                  double    y)
{
  self->y = y;
}

void
_kz_canvas_set_color (KzCanvas *self,
                      double    r,
                      double    g,
                      double    b)
{
  cairo_set_source_rgb (self->cr, r, g, b);
}

static void
prepare_layout (KzCanvas       *self,
                KzStyle         style,
                double          width,
                PangoAlignment  align,
                const char     *text)
{
  pango_layout_set_font_description (self->layout, self->fonts[style]);
  pango_layout_set_width (self->layout, width > 0 ? (int)(width * PANGO_SCALE) : -1);
  pango_layout_set_alignment (self->layout, align);
  pango_layout_set_text (self->layout, text ? text : "", -1);
}

double
_kz_canvas_measure (KzCanvas   *self,
                    KzStyle     style,
                    const char *text,
                    double      width)
{
  int height;

  prepare_layout (self, style, width, PANGO_ALIGN_LEFT, text);
  pango_layout_get_size (self->layout, NULL, &height);
  return (double)height / PANGO_SCALE;
}

double
_kz_canvas_draw (KzCanvas       *self,
                 KzStyle         style,
                 double          x,
                 double          y,
                 double          width,
                 PangoAlignment  align,
                 const char     *text)
{
  int height;

  prepare_layout (self, style, width, align, text);
  cairo_move_to (self->cr, x, y);
  pango_cairo_show_layout (self->cr, self->layout);
  pango_layout_get_size (self->layout, NULL, &height);
  return (double)height / PANGO_SCALE;
}

/* Text running upwards from (@x, @y), @length long, in lines stacked to
 * the right and centred in @width. */
void
_kz_canvas_draw_upwards (KzCanvas   *self,
                         KzStyle     style,
                         double      x,
                         double      y,
                         double      width,
                         double      length,
                         const char *text)
{
  double height = _kz_canvas_measure (self, style, text, length);

  cairo_save (self->cr);
  cairo_translate (self->cr, x + MAX (0, (width - height) / 2), y);
  cairo_rotate (self->cr, -G_PI / 2);
  pango_cairo_update_layout (self->cr, self->layout);
  cairo_move_to (self->cr, 0, 0);
  pango_cairo_show_layout (self->cr, self->layout);
  cairo_restore (self->cr);
  pango_cairo_update_layout (self->cr, self->layout);
}

static void
draw_footer (KzCanvas *self)
{
  g_autofree char *page = g_strdup_printf (_("Page %u"), self->page);
  double y = KZ_PAGE_HEIGHT - KZ_MARGIN;

  cairo_set_source_rgb (self->cr, 0.45, 0.45, 0.45);
  cairo_set_line_width (self->cr, 0.5);
  cairo_move_to (self->cr, KZ_MARGIN, y - 4);
  cairo_line_to (self->cr, KZ_PAGE_WIDTH - KZ_MARGIN, y - 4);
  cairo_stroke (self->cr);
  _kz_canvas_draw (self, KZ_STYLE_SMALL, KZ_MARGIN, y, KZ_CONTENT_WIDTH * 0.8,
                   PANGO_ALIGN_LEFT, self->footer);
  _kz_canvas_draw (self, KZ_STYLE_SMALL, KZ_MARGIN, y, KZ_CONTENT_WIDTH,
                   PANGO_ALIGN_RIGHT, page);
  cairo_set_source_rgb (self->cr, 0, 0, 0);
}

void
_kz_canvas_new_page (KzCanvas *self)
{
  if (self->page > 0)
    {
      draw_footer (self);
      cairo_show_page (self->cr);
    }

  self->page++;
  self->y = KZ_CONTENT_TOP;
  cairo_set_source_rgb (self->cr, 0, 0, 0);

  if (self->table != NULL)
    _kz_table_header (self, self->table);
}

gboolean
_kz_canvas_ensure (KzCanvas *self,
                   double    height)
{
  if (self->page > 0 && self->y + height <= KZ_CONTENT_BOTTOM)
    return FALSE;

  _kz_canvas_new_page (self);
  return TRUE;
}

void
_kz_canvas_space (KzCanvas *self,
                  double    height)
{
  self->y += height;
}

int
_kz_canvas_add_outline (KzCanvas   *self,
                        int         parent,
                        const char *name,
                        gboolean    open)
{
  g_autofree char *dest = g_strdup_printf ("page=%u pos=[0 0]", self->page);

  return cairo_pdf_surface_add_outline (self->surface, parent, name, dest,
                                        open ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
}

void
_kz_canvas_paragraph (KzCanvas   *self,
                      KzStyle     style,
                      const char *text)
{
  double height = _kz_canvas_measure (self, style, text, KZ_CONTENT_WIDTH);

  _kz_canvas_ensure (self, height);
  self->y += _kz_canvas_draw (self, style, KZ_MARGIN, self->y, KZ_CONTENT_WIDTH,
                              PANGO_ALIGN_LEFT, text);
}

void
_kz_canvas_fill (KzCanvas *self,
                 double    x,
                 double    y,
                 double    width,
                 double    height,
                 double    r,
                 double    g,
                 double    b)
{
  cairo_save (self->cr);
  cairo_set_source_rgb (self->cr, r, g, b);
  cairo_rectangle (self->cr, x, y, width, height);
  cairo_fill (self->cr);
  cairo_restore (self->cr);
}

cairo_status_t
_kz_canvas_finish (KzCanvas *self)
{
  if (self->page == 0)
    _kz_canvas_new_page (self);

  draw_footer (self);
  cairo_show_page (self->cr);
  cairo_surface_finish (self->surface);

  return cairo_surface_status (self->surface);
}

/* --- Tables --------------------------------------------------------- */

static double
row_height (KzCanvas           *canvas,
            const KzTable      *table,
            KzStyle             style,
            const char * const *cells)
{
  double height = 0;

  for (guint i = 0; i < table->n_columns; i++)
    height = MAX (height, _kz_canvas_measure (canvas, style, cells[i],
                                              table->columns[i].width - 2 * CELL_PAD));

  return height + 2 * CELL_PAD;
}

static void
draw_cells (KzCanvas           *canvas,
            const KzTable      *table,
            KzStyle             style,
            const char * const *cells)
{
  double x = KZ_MARGIN;

  for (guint i = 0; i < table->n_columns; i++)
    {
      const KzColumn *column = &table->columns[i];

      _kz_canvas_draw (canvas, style, x + CELL_PAD, canvas->y + CELL_PAD,
                       column->width - 2 * CELL_PAD, column->align, cells[i]);
      x += column->width;
    }
}

static double
table_width (const KzTable *table)
{
  double width = 0;

  for (guint i = 0; i < table->n_columns; i++)
    width += table->columns[i].width;
  return width;
}

void
_kz_table_header (KzCanvas      *canvas,
                  const KzTable *table)
{
  g_autofree const char **titles = NULL;
  double height;

  canvas->table = table;
  if (table->columns[0].title == NULL)   /* a table without heading */
    return;

  titles = g_new0 (const char *, table->n_columns + 1);
  for (guint i = 0; i < table->n_columns; i++)
    titles[i] = table->columns[i].title;

  height = row_height (canvas, table, table->header_style, titles);
  _kz_canvas_fill (canvas, KZ_MARGIN, canvas->y, table_width (table), height, 0.85, 0.88, 0.93);
  draw_cells (canvas, table, table->header_style, titles);
  canvas->y += height;
}

void
_kz_table_row (KzCanvas           *canvas,
               const KzTable      *table,
               const char * const *cells,
               gboolean            shaded)
{
  double height = row_height (canvas, table, table->style, cells);

  canvas->table = table;
  _kz_canvas_ensure (canvas, height);
  if (shaded)
    _kz_canvas_fill (canvas, KZ_MARGIN, canvas->y, table_width (table), height, 0.95, 0.95, 0.95);
  draw_cells (canvas, table, table->style, cells);
  canvas->y += height;
}

void
_kz_table_begin (KzCanvas      *canvas,
                 const KzTable *table)
{
  canvas->table = NULL;
  _kz_canvas_ensure (canvas, 40);
  _kz_table_header (canvas, table);
}

void
_kz_table_end (KzCanvas *canvas)
{
  canvas->table = NULL;
}
