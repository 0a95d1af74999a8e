/* kz-report-private.h
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

#pragma once

#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "kz-exchange-private.h"
#include "kz-report.h"

G_BEGIN_DECLS

/* --- The canvas: A4 pages, text and tables (kz-report-canvas.c) ----- */

#define KZ_PAGE_WIDTH    595.276   /* A4 in points */
#define KZ_PAGE_HEIGHT   841.890
#define KZ_MARGIN         56.693   /* 2 cm */
#define KZ_CONTENT_WIDTH (KZ_PAGE_WIDTH - 2 * KZ_MARGIN)
#define KZ_CONTENT_TOP    KZ_MARGIN
#define KZ_CONTENT_BOTTOM (KZ_PAGE_HEIGHT - KZ_MARGIN - 14)

typedef enum
{
  KZ_STYLE_TITLE,
  KZ_STYLE_HEADING,
  KZ_STYLE_SUBHEADING,
  KZ_STYLE_BODY,
  KZ_STYLE_BOLD,
  KZ_STYLE_TABLE,
  KZ_STYLE_TABLE_BOLD,
  KZ_STYLE_SMALL,
  KZ_N_STYLES
} KzStyle;

typedef struct
{
  const char     *title;
  double          width;
  PangoAlignment  align;
} KzColumn;

typedef struct
{
  const KzColumn *columns;
  guint           n_columns;
  KzStyle         style;
  KzStyle         header_style;
} KzTable;

typedef struct _KzCanvas KzCanvas;

KzCanvas       *_kz_canvas_new            (cairo_write_func_t  write,
                                           gpointer            closure,
                                           const char         *footer);
void            _kz_canvas_free           (KzCanvas           *self);
cairo_status_t  _kz_canvas_finish         (KzCanvas           *self);
cairo_t        *_kz_canvas_get_cr         (KzCanvas           *self);
guint           _kz_canvas_get_page       (KzCanvas           *self);
double          _kz_canvas_get_y          (KzCanvas           *self);
void            _kz_canvas_set_y          (KzCanvas           *self,
                                           double              y);

void            _kz_canvas_new_page       (KzCanvas           *self);
/* Starts a new page unless @height fits below the current position. */
gboolean        _kz_canvas_ensure         (KzCanvas           *self,
                                           double              height);
void            _kz_canvas_space          (KzCanvas           *self,
                                           double              height);
/* A bookmark to the current page; returns its id for children. */
int             _kz_canvas_add_outline    (KzCanvas           *self,
                                           int                 parent,
                                           const char         *name,
                                           gboolean            open);

double          _kz_canvas_measure        (KzCanvas           *self,
                                           KzStyle             style,
                                           const char         *text,
                                           double              width);
double          _kz_canvas_draw           (KzCanvas           *self,
                                           KzStyle             style,
                                           double              x,
                                           double              y,
                                           double              width,
                                           PangoAlignment      align,
                                           const char         *text);
void            _kz_canvas_draw_upwards   (KzCanvas           *self,
                                           KzStyle             style,
                                           double              x,
                                           double              y,
                                           double              width,
                                           double              length,
                                           const char         *text);
/* A paragraph at the left margin below the current position. */
void            _kz_canvas_paragraph      (KzCanvas           *self,
                                           KzStyle             style,
                                           const char         *text);
void            _kz_canvas_fill           (KzCanvas           *self,
                                           double              x,
                                           double              y,
                                           double              width,
                                           double              height,
                                           double              r,
                                           double              g,
                                           double              b);
void            _kz_canvas_set_color      (KzCanvas           *self,
                                           double              r,
                                           double              g,
                                           double              b);

/* A table's heading, after a page break if little room is left; it
 * repeats on every new page until _kz_table_end(). */
void            _kz_table_begin           (KzCanvas           *canvas,
                                           const KzTable      *table);
void            _kz_table_header          (KzCanvas           *canvas,
                                           const KzTable      *table);
void            _kz_table_end             (KzCanvas           *canvas);
/* Draws a row, breaking the page and repeating the header if needed. */
void            _kz_table_row             (KzCanvas           *canvas,
                                           const KzTable      *table,
                                           const char * const *cells,
                                           gboolean            shaded);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KzCanvas, _kz_canvas_free)

/* --- The report's data (kz-report.c) -------------------------------- */

typedef struct
{
  KzRecord  *project;
  const char *lead;            /* name of the lead organisation, or NULL */
  const char *district;        /* its district id, or NULL */
  GPtrArray *milestones;       /* KzRecord, by due date */
  GPtrArray *organisations;    /* KzRecord */
  GPtrArray *applications;     /* KzRecord */
} KzReportProject;

typedef struct
{
  KzStore       *store;
  KzCanvas      *canvas;
  char          *title;
  char          *selection;
  char          *date;         /* today, formatted */
  GPtrArray     *projects;     /* KzReportProject */
  GHashTable    *org_names;    /* uuid -> name */
  GHashTable    *org_districts;/* uuid -> district id */
  GHashTable    *programmes;   /* uuid -> name */
  GHashTable    *applications; /* uuid -> KzRecord: each linked application once */
  KzProgress     progress;
  GCancellable  *cancellable;
} KzReport;

/* Pages (kz-report-summary.c, kz-report-projects.c); each returns
 * FALSE only when cancelled. */
void            _kz_report_title_page     (KzReport           *report);
void            _kz_report_summary        (KzReport           *report);
void            _kz_report_heat_map       (KzReport           *report);
gboolean        _kz_report_project_table  (KzReport           *report);
gboolean        _kz_report_project_pages  (KzReport           *report);

/* Helpers shared by the pages. */
void            _kz_report_heading        (KzReport           *report,
                                           const char         *text,
                                           gboolean            outline);
void            _kz_report_subheading     (KzReport           *report,
                                           const char         *text);
char           *_kz_report_field_text     (KzReport           *report,
                                           KzRecord           *record,
                                           const char         *field);
const char     *_kz_report_label          (KzKind              kind,
                                           const char         *field);

G_END_DECLS
