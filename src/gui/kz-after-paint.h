/* kz-after-paint.h
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

typedef void (*KzAfterPaintFunc) (GtkWidget *widget);

/* Calls @func with @widget once its window has painted its first
 * frame (at once when it has, else when the widget is mapped and the
 * next frame is painted): work that the first frame need not wait
 * for.  Nothing is called if @widget is finalized before. */
void kz_after_first_paint (GtkWidget        *widget,
                           KzAfterPaintFunc  func);

G_END_DECLS
