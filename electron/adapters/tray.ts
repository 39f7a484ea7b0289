import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import { join } from 'node:path';
import type { ProfileStatus } from '../../src/core/profiles/model';
import type { TrayMenuItem, TrayModel } from '../../src/core/tray/menuModel';

function iconFor(status: ProfileStatus) {
  return nativeImage.createFromPath(join(import.meta.dirname, `../../assets/tray-${status}.png`));
}

function toMenuItem(item: TrayMenuItem, onClick: (itemId: string) => void): MenuItemConstructorOptions {
  switch (item.kind) {
    case 'separator':
      return { type: 'separator' };
    case 'profile':
      return { type: 'radio', label: item.label, checked: item.checked, click: () => onClick(item.id) };
    case 'action':
    case 'activate-for':
      return { label: item.label, click: () => onClick(item.id) };
    case 'submenu':
      return { label: item.label, submenu: item.items.map((inner) => toMenuItem(inner, onClick)) };
  }
}

/** Draws the core's tray model with Electron's Tray; every click goes back through `onClick`. */
export class AppTray {
  readonly #tray: Tray;

  constructor(
    model: TrayModel,
    private readonly onClick: (itemId: string) => void,
  ) {
    this.#tray = new Tray(iconFor(model.status));
    this.render(model);
  }

  render(model: TrayModel): void {
    this.#tray.setImage(iconFor(model.status));
    this.#tray.setToolTip(model.tooltip);
    this.#tray.setContextMenu(Menu.buildFromTemplate(model.items.map((item) => toMenuItem(item, this.onClick))));
  }

  destroy(): void {
    this.#tray.destroy();
  }
}
