"""What each platform's page means: one small reader per platform (TikTok, Instagram,
Facebook, X, Telegram, YouTube) and a generic fallback, all filling one `PostRecord`.
`registry.platform_facts` picks the reader. Kept import-free so `pagefacts` can use `dom`.
"""
