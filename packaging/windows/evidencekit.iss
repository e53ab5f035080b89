; Inno Setup 6 recipe: the Windows installer of the one-folder build (issue 13).
;
;   python dev.py package      (builds dist\evidencekit\, then runs this when ISCC.exe is on PATH)
;   ISCC.exe /DAppVersion=0.1.0 /DDistDir=C:\...\dist /OC:\...\dist packaging\windows\evidencekit.iss
;
; Output: dist\EvidenceKit-<version>-setup.exe. What it does, and why:
; - per-user install WITHOUT admin rights by default (PrivilegesRequired=lowest): into
;   %LOCALAPPDATA%\Programs\EvidenceKit; a person who has admin rights may choose "all users"
;   in the first dialog (then Program Files);
; - one Start Menu entry "EvidenceKit" (the desktop app, the neutral icon evidencekit.ico);
;   NO desktop shortcut unless she ticks the box (unticked): nothing on the desktop that tells
;   someone looking over her shoulder what is installed; no file associations, no autostart,
;   no "recent files";
; - an uninstaller (Settings > Apps, and the Start Menu's folder has none on purpose: one entry);
;   it removes the program only: her vault (%LOCALAPPDATA%\EvidenceKit\...) is her evidence and is
;   NEVER deleted by uninstalling;
; - the command line evidencekit.exe is installed beside the app (not put on PATH).
; Untested here (Linux): see packaging\README.md, "Windows". CI: .github\workflows\package.yml.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef DistDir
  #define DistDir AddBackslash(SourcePath) + "..\..\dist"
#endif
#define Root AddBackslash(SourcePath) + "..\.."

[Setup]
; The AppId identifies the installation for upgrades and the uninstaller: never change it.
AppId={{6F0C8E52-2C1B-4C4B-9E0E-5B1F4A7D2E61}
AppName=EvidenceKit
AppVersion={#AppVersion}
AppVerName=EvidenceKit {#AppVersion}
AppPublisher=EvidenceKit
DefaultDirName={autopf}\EvidenceKit
DefaultGroupName=EvidenceKit
DisableProgramGroupPage=yes
DisableWelcomePage=no
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#DistDir}
OutputBaseFilename=EvidenceKit-{#AppVersion}-setup
SetupIconFile={#Root}\resources\icons\evidencekit.ico
UninstallDisplayIcon={app}\evidencekit-gui.exe
UninstallDisplayName=EvidenceKit
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Reproducible: file times from the build (not the install moment), in UTC.
TimeStampsInUTC=yes
; Nothing in "recent documents" or the shell's association cache.
ChangesAssociations=no
ChangesEnvironment=no
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
; Unticked: a desktop icon only when she asks for one.
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#DistDir}\evidencekit\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\EvidenceKit"; Filename: "{app}\evidencekit-gui.exe"; IconFilename: "{app}\_internal\resources\icons\evidencekit.ico"; Comment: "Keep evidence safely"
Name: "{autodesktop}\EvidenceKit"; Filename: "{app}\evidencekit-gui.exe"; IconFilename: "{app}\_internal\resources\icons\evidencekit.ico"; Tasks: desktopicon

[Run]
; Unticked too: she decides when the app opens.
Filename: "{app}\evidencekit-gui.exe"; Description: "{cm:LaunchProgram,EvidenceKit}"; Flags: nowait postinstall skipifsilent unchecked

[UninstallDelete]
; Only what the program itself left in its folder (Python's caches); never the vault.
Type: filesandordirs; Name: "{app}\_internal\__pycache__"
