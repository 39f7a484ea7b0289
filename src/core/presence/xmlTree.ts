import type { XmlElement, XmlNode } from './safeXml';

// Reading the tree parseUntrustedXml returns: elements by namespace and local name, text and attributes.

export function isElement(node: XmlNode, namespace: string, localName: string): node is XmlElement {
  return node.kind === 'element' && node.namespace === namespace && node.localName === localName;
}

export function childElements(parent: XmlElement, namespace: string, localName: string): XmlElement[] {
  return parent.children.filter((child): child is XmlElement => isElement(child, namespace, localName));
}

export function firstChildElement(parent: XmlElement, namespace: string, localName: string): XmlElement | null {
  return childElements(parent, namespace, localName)[0] ?? null;
}

/** Depth-first, document order. The tree is at most MAX_ELEMENT_DEPTH deep, so recursion is bounded. */
export function firstDescendant(parent: XmlElement, namespace: string, localName: string): XmlElement | null {
  for (const child of parent.children) {
    if (child.kind !== 'element') continue;
    if (isElement(child, namespace, localName)) return child;
    const found = firstDescendant(child, namespace, localName);
    if (found !== null) return found;
  }
  return null;
}

/** Like DOM textContent: the text of all descendants, so markup inside a note contributes only its text. */
export function textContent(element: XmlElement): string {
  return element.children.map((child) => (child.kind === 'text' ? child.text : textContent(child))).join('');
}

export function attributeValue(element: XmlElement, localName: string, namespace: string | null = null): string | null {
  return element.attributes.get(namespace === null ? localName : `{${namespace}}${localName}`) ?? null;
}
