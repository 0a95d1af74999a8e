/* kz-layout.h
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

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Makes @widget, a container of one child such as AdwBin or
 * GtkFlowBoxChild, ask for @width pixels as its natural width (never
 * less than the child's minimum), whatever the child's text would
 * like.  Leaflets fold and flow boxes wrap at predictable widths. */
void kz_layout_set_natural_width (GtkWidget *widget,
                                  int        width);

G_END_DECLS
