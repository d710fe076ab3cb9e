/**
 * The highlighting themes of every piece of code on the site (fenced Rust in lessons,
 * <CodeRegion>, an exercise's starting code): GitHub's default light and dark themes,
 * whose every token keeps a contrast of at least 4.5:1 on its background (WCAG AA). The
 * plain "github-light" theme does not (its orange is 3.5:1), nor "github-dark" (comments 3:1).
 * The page switches between the two with the site's theme (site/styles/global.css).
 */
export const CODE_THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;
