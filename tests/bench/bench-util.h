/* bench-util.h
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

#include <glib.h>

G_BEGIN_DECLS

/* What the benchmark programs measure with, and how they sum it up. */

double bench_ms_since   (gint64      start);
/* Processor time of all threads, in milliseconds. */
double bench_cpu_ms     (void);
/* @key: "VmRSS:" (resident now) or "VmHWM:" (the most so far); -1 when
 * /proc cannot be read. */
long   bench_status_kib (const char *key);
long   bench_rss_kib    (void);
/* Median and maximum of an array of doubles; the median sorts it. */
double bench_median     (GArray     *values);
double bench_maximum    (GArray     *values);

G_END_DECLS
