"""Regenerate `site/clip.webm`, the fixture video (VP8, about 400 KB, 2.5 s of coloured noise).

The browser records it itself (canvas + MediaRecorder), so no video tool is needed:
`.venv/bin/python tests/support/make_clip.py [path-to-chromium]`.
"""

from __future__ import annotations

import asyncio
import base64
import sys
from pathlib import Path

from playwright.async_api import async_playwright

RECORD_JS = """async () => {
  const c = document.createElement('canvas'); c.width = 320; c.height = 240;
  document.body.appendChild(c);
  const g = c.getContext('2d');
  const rec = new MediaRecorder(c.captureStream(25),
                                {mimeType: 'video/webm;codecs=vp8', videoBitsPerSecond: 1200000});
  const chunks = [];
  rec.ondataavailable = (e) => chunks.push(e.data);
  let seed = 7, frame = 0;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const draw = () => {
    const img = g.createImageData(320, 240);
    for (let i = 0; i < img.data.length; i += 4) {
      const v = rnd() * 255;
      img.data[i] = v; img.data[i + 1] = (v * 3 + frame) % 255; img.data[i + 2] = 255 - v;
      img.data[i + 3] = 255;
    }
    g.putImageData(img, 0, 0); frame++;
  };
  draw();
  rec.start(100);
  const timer = setInterval(draw, 40);
  await new Promise((r) => setTimeout(r, 2500));
  clearInterval(timer);
  await new Promise((r) => { rec.onstop = r; rec.stop(); });
  const buf = new Uint8Array(await new Blob(chunks).arrayBuffer());
  let s = '';
  for (let i = 0; i < buf.length; i += 0x8000) {
    s += String.fromCharCode(...buf.subarray(i, i + 0x8000));
  }
  return btoa(s);
}"""


async def main(browser_path: str) -> None:
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=browser_path, args=["--no-sandbox"])
        page = await browser.new_page()
        await page.set_content("<body></body>")
        data = base64.b64decode(await page.evaluate(RECORD_JS))
        await browser.close()
    out = Path(__file__).parent / "site" / "clip.webm"
    out.write_bytes(data)
    print(f"wrote {out} ({len(data)} bytes)")


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1] if len(sys.argv) > 1 else "/usr/lib/chromium/chromium"))
