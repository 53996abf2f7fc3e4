import { describe, expect, it } from 'vitest';
import { embedDesignInSvg, extractDesignFromSvg, sanitizeSvg } from './svg';

const svg =
  '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';
const json = '{"version":1,"name":"</metadata><script>alert(1)</script> & ]]> ✓"}';

describe('A design inside an SVG', () => {
  it('comes back out as it went in', () => {
    const out = embedDesignInSvg(svg, json);
    expect(extractDesignFromSvg(out)).toBe(json);
    expect(out).toMatch(/^<svg [^>]*><metadata><dci:design /);
    expect(out).not.toContain('<script');
  });

  it('replaces the design an image already carried', () => {
    const twice = embedDesignInSvg(embedDesignInSvg(svg, '{"a":1}'), json);
    expect(extractDesignFromSvg(twice)).toBe(json);
    expect(twice.match(/<metadata>/g)).toHaveLength(1);
  });

  it('finds nothing in an SVG without a design, or in damaged metadata', () => {
    expect(extractDesignFromSvg(svg)).toBeNull();
    const damaged = embedDesignInSvg(svg, json).replace(/(encoding="zlib\+base64">)(.{20})/, '$1');
    expect(extractDesignFromSvg(damaged)).toBeNull();
  });

  it('survives sanitizing', () => {
    expect(extractDesignFromSvg(sanitizeSvg(embedDesignInSvg(svg, json)))).toBe(json);
  });
});

describe('sanitizeSvg', () => {
  const clean = (text: string) => sanitizeSvg(`<svg>${text}</svg>`);

  it('keeps ordinary drawing markup as it was', () => {
    const drawing =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><g class="a"><path d="M0 0L10 10" stroke="#000"/><text x="1" y="2">A &amp; B</text></g></svg>';
    expect(sanitizeSvg(drawing)).toBe(drawing);
  });

  it('removes script elements with their content', () => {
    expect(clean('<script>alert(1)</script><rect/>')).toBe('<svg><rect/></svg>');
    expect(clean('<SCRIPT type="text/javascript"><![CDATA[alert(1)]]></SCRIPT>')).toBe(
      '<svg></svg>',
    );
    expect(clean('<svg:script xlink:href="x.js"/>')).toBe('<svg></svg>');
  });

  it('removes event handlers', () => {
    expect(clean('<rect onclick="alert(1)" ONLOAD=alert(1) width="1"/>')).toBe(
      '<svg><rect width="1"/></svg>',
    );
  });

  it('removes javascript: URLs however they are disguised', () => {
    for (const href of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'jav&#x61;script:alert(1)',
      'javascript&colon;alert(1)',
      '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)',
    ]) {
      expect(clean(`<a href="${href}"><text>x</text></a>`)).toBe(
        '<svg><a><text>x</text></a></svg>',
      );
    }
    expect(clean('<a xlink:href="javascript:alert(1)">x</a>')).toBe('<svg><a>x</a></svg>');
    expect(clean('<set attributeName="href" to="javascript:alert(1)"/>')).toBe('<svg><set/></svg>');
  });

  it('keeps foreignObject but cleans the HTML inside it', () => {
    const out = clean(
      '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml" onmouseover="x()"><img src="x" onerror="alert(1)"/><iframe src="javascript:alert(1)"></iframe><script>alert(2)</script>ok</div></foreignObject>',
    );
    expect(out).toBe(
      '<svg><foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><img src="x"/>ok</div></foreignObject></svg>',
    );
  });

  it('turns CDATA into escaped text, so it cannot become markup in an HTML parser', () => {
    expect(clean('<text><![CDATA[><script>alert(1)</script>]]></text>')).toBe(
      '<svg><text>&gt;&lt;script&gt;alert(1)&lt;/script&gt;</text></svg>',
    );
  });

  it('drops DOCTYPE entity tricks, processing instructions and comments', () => {
    const out = sanitizeSvg(
      '<?xml version="1.0"?><?xml-stylesheet href="evil.xsl"?><!DOCTYPE svg [<!ENTITY x "<script>alert(1)</script>">]><!-- <script> --><svg>&x;</svg>',
    );
    expect(out).toBe('<svg>&x;</svg>');
  });

  it('leaves no script in hostile input', () => {
    const hostile = [
      '<svg><script>/*</script><script>*/alert(1)</script>',
      '<svg><a href="javascript:alert(1)"><circle r="5"/></a></svg>',
      "<svg><image href='data:text/html,<script>alert(1)</script>'/></svg>",
      '<svg><use href="data:image/svg+xml;base64,PHN2Zz4="/></svg>',
      '<svg onload=alert(1)><embed src="x.swf"/><object data="x"></object></svg>',
      '<svg><style>@import "x.css";</style><handler type="text/javascript">alert(1)</handler></svg>',
      '<svg><animate attributeName="onclick" values="alert(1)"/></svg>',
      '<svg><rect x="1" y="2" width=\'3\' style="fill:url(javascript:alert(1))"/></svg>',
    ];
    for (const text of hostile) {
      const out = sanitizeSvg(text).toLowerCase();
      expect(out).not.toMatch(
        /<script|javascript:|\son\w+=|data:text\/html|<embed|<object|<handler/,
      );
      expect(out).not.toContain('data:image/svg+xml');
    }
  });
});
