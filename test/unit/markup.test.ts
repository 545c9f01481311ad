import { cardMarkdown, plainText } from '../../src/ui/markup';

describe('plan text on its way into Teams', () => {
  it.each([
    ['[ohje](javascript:alert(document.cookie))', 'ohje'],
    ['[lomake](data:text/html,<script>alert(1)</script>)', 'lomake'],
    ['[soita](tel:112) tai [kirjoita](mailto:a@b.fi)', 'soita tai kirjoita'],
    ['<img src=x onerror=alert(1)>kuva', 'kuva'],
    ['**tärkeä** ja *korostettu*', '**tärkeä** ja *korostettu*'],
    ['[alueen sivu](https://esimerkki.fi/sivu_(2))', '[alueen sivu](https://esimerkki.fi/sivu_(2))'],
    ['[vanha](http://esimerkki.fi "otsikko")', '[vanha](http://esimerkki.fi "otsikko")'],
    ['5 < 7 ja 8 > 3', '5 < 7 ja 8 > 3'],
  ])('cardMarkdown(%j) → %j: emphasis and web links stay, other links and tags go', (input, expected) => {
    expect(cardMarkdown(input)).toBe(expected);
  });

  it.each([
    ['Seeprat [avaa](https://evil.example) <b>tärkeä</b>', 'Seeprat avaa tärkeä'],
    ['**Tuki** › _oppilaalle_', 'Tuki › oppilaalle'],
    ['# Otsikko', 'Otsikko'],
    ['a|b`c~d\\e', 'abcde'],
  ])('plainText(%j) → %j: no links, tags or markup characters in message text', (input, expected) => {
    expect(plainText(input)).toBe(expected);
  });
});
