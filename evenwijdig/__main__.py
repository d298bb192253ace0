from evenwijdig.cli import main

raise SystemExit(main())
