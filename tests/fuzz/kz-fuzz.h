/* kz-fuzz.h
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
#include <stddef.h>
#include <stdint.h>

G_BEGIN_DECLS

/* Every harness defines the libFuzzer entry point.  Built with
 * -Dfuzzing=true it is linked with -fsanitize=fuzzer; in the normal
 * suite kz-fuzz-replay.c calls it on every file of the harness's seed
 * corpus, so that each input that once crashed stays a regression test. */
int  LLVMFuzzerTestOneInput (const uint8_t *data,
                             size_t         size);

/* A temporary folder for the harness's databases, removed at exit. */
const char *kz_fuzz_tmpdir  (void);

G_END_DECLS
