import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { elementText, parseGeoXml, unescapeXml } from './geoparsing.js';

const GWN = `<articles>
  <article file="7">
    <text>Rain in Paris &amp; Lyon.</text>
    <toponyms>
      <toponym><extractedName>Paris</extractedName><type>Literal</type><start>8</start><end>13</end>
        <geonamesID>2988507</geonamesID><latitude>48.85</latitude><longitude>2.35</longitude></toponym>
      <toponym><extractedName>French</extractedName><type>Demonym</type><start>0</start><end>4</end>
        <geonamesID /><latitude /><longitude /></toponym>
      <toponym><extractedName>Lyon</extractedName><type>Metonymic</type><start>17</start><end>21</end>
        <geonamesID /><latitude>45.76</latitude><longitude>4.83</longitude></toponym>
    </toponyms>
  </article>
</articles>`;

const LGL = `<articles>
  <article docid="42">
    <dltime>2009-03-20 12:24:52.002364-05</dltime>
    <text><![CDATA[Fire in Alexandria & Pineville.]]></text>
    <toponyms count="2">
      <toponym><start>9</start><end>19</end><phrase>Alexandria</phrase>
        <gaztag geonameid="4314550"><name>Alexandria</name><lat>31.3113</lat><lon>-92.4451</lon></gaztag></toponym>
      <toponym><start>21</start><end>30</end><phrase>Pineville</phrase></toponym>
    </toponyms>
  </article>
</articles>`;

describe('geoparsing corpus reader', () => {
  it('unescapes element text and keeps CDATA verbatim', () => {
    assert.equal(unescapeXml('a &amp; b &quot;c&quot; &#233;'), 'a & b "c" é');
    assert.equal(elementText('<t><![CDATA[x &amp; y]]></t>', 't'), 'x &amp; y');
    assert.equal(elementText('<t />', 't'), null);
  });

  it('reads GeoWebNews toponym types only, with coordinates, offsets into the unescaped text', () => {
    const [a] = parseGeoXml(GWN, 'GeoWebNews');
    assert.equal(a!.text, 'Rain in Paris & Lyon.');
    assert.equal(a!.id, 'GeoWebNews:7');
    assert.deepEqual(
      a!.toponyms.map((t) => [t.text, t.start, t.lat]),
      [
        ['Paris', 8, 48.85],
        // Offsets in the file are one off here; re-aligned to the name.
        ['Lyon', 16, 45.76],
      ],
    );
  });

  it('reads LGL: unresolved toponyms have no coordinates; the date comes from dltime', () => {
    const [a] = parseGeoXml(LGL, 'LGL');
    assert.equal(a!.date, '2009-03-20');
    assert.deepEqual(
      a!.toponyms.map((t) => [t.text, t.start, t.end, t.lat, t.lon]),
      [
        // The file says 9..19, one off (as in TR-News): re-aligned to the name.
        ['Alexandria', 8, 18, 31.3113, -92.4451],
        ['Pineville', 21, 30, null, null],
      ],
    );
  });
});
