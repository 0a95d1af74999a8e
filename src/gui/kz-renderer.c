/* kz-renderer.c
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

/* How the window is drawn.  GTK 4.8 draws with OpenGL unless told
 * otherwise.  Without a graphics device (/dev/dri: virtual machines,
 * remote and virtual X servers) that is Mesa's software rasteriser,
 * which costs about a third of the processor time until the first
 * frame and 150 MB more memory than cairo, which draws the same.
 * There the app uses cairo, unless GSK_RENDERER says otherwise.  And
 * with cairo, GDK on X11 would still load and set up the GL driver at
 * start to choose a visual: it is told to leave GL alone. */

#define G_LOG_DOMAIN "kz-renderer"

#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "kz-renderer.h"

#define GRAPHICS_DEVICES "/dev/dri"

static char *old_gdk_debug;
static gboolean set_gdk_debug;

static void
choose_renderer (void)
{
  if (g_getenv ("GSK_RENDERER") != NULL || g_file_test (GRAPHICS_DEVICES, G_FILE_TEST_IS_DIR))
    return;

  g_setenv ("GSK_RENDERER", "cairo", TRUE);
}

static void
skip_gl_for_cairo (void)
{
  const char *debug = g_getenv ("GDK_DEBUG");
  g_autofree char *flags = NULL;

  /* The flag is GTK 4.8's; later versions moved it elsewhere and warn
   * about debug flags they do not know. */
  if (gtk_get_major_version () != 4 || gtk_get_minor_version () >= 16)
    return;
  if (g_strcmp0 (g_getenv ("GSK_RENDERER"), "cairo") != 0 ||
      (debug != NULL && strstr (debug, "gl-disable") != NULL))
    return;

  old_gdk_debug = g_strdup (debug);
  set_gdk_debug = TRUE;
  flags = debug != NULL && *debug ? g_strconcat (debug, ",gl-disable", NULL) : g_strdup ("gl-disable");
  g_setenv ("GDK_DEBUG", flags, TRUE);
}

void
kz_renderer_prepare (void)
{
  choose_renderer ();
  skip_gl_for_cairo ();
}

/* GSK_RENDERER stays: GTK reads it for every window and popover. */
void
kz_renderer_restore_environment (void)
{
  if (set_gdk_debug && old_gdk_debug != NULL)
    g_setenv ("GDK_DEBUG", old_gdk_debug, TRUE);
  else if (set_gdk_debug)
    g_unsetenv ("GDK_DEBUG");
  set_gdk_debug = FALSE;
  g_clear_pointer (&old_gdk_debug, g_free);
}
