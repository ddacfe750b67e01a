; Included by electron-builder's NSIS script (electron-builder.yml, nsis.include).
;
; The machine-wide data folder, %ProgramData%\<product>\: settings.json (which chooses the target, the
; PowerShell executable, the module paths and the sign-in endpoints), logs\, scratch\ (exports read back)
; and state\ (change plans, the running marker, token caches). Only Administrators and SYSTEM may write
; there; Users may read the folder and logs\ (the log is redacted) but not scratch\ or state\.
; The app checks this ACL before it reads settings.json and refuses the file otherwise.
; The icacls program is started by its absolute path in the system folder ($SYSDIR), never found through PATH.

!macro cwSecureFolder FOLDER GRANTS
  ; Administrators own everything in it; then only the grants below remain (inheritance from
  ; ProgramData, which lets Users add files, is removed).
  nsExec::ExecToLog '"$SYSDIR\icacls.exe" "${FOLDER}" /setowner *S-1-5-32-544 /T /C /Q'
  Pop $0
  nsExec::ExecToLog '"$SYSDIR\icacls.exe" "${FOLDER}" /reset /T /C /Q'
  Pop $0
  nsExec::ExecToLog '"$SYSDIR\icacls.exe" "${FOLDER}" /inheritance:r /grant:r ${GRANTS} /C /Q'
  Pop $0
!macroend

!macro customInstall
  SetShellVarContext all
  CreateDirectory "$APPDATA\${PRODUCT_NAME}"
  !insertmacro cwSecureFolder "$APPDATA\${PRODUCT_NAME}" "*S-1-5-18:(OI)(CI)F *S-1-5-32-544:(OI)(CI)F *S-1-5-32-545:(OI)(CI)RX"
  CreateDirectory "$APPDATA\${PRODUCT_NAME}\logs"
  CreateDirectory "$APPDATA\${PRODUCT_NAME}\scratch"
  !insertmacro cwSecureFolder "$APPDATA\${PRODUCT_NAME}\scratch" "*S-1-5-18:(OI)(CI)F *S-1-5-32-544:(OI)(CI)F"
  CreateDirectory "$APPDATA\${PRODUCT_NAME}\state"
  !insertmacro cwSecureFolder "$APPDATA\${PRODUCT_NAME}\state" "*S-1-5-18:(OI)(CI)F *S-1-5-32-544:(OI)(CI)F"
!macroend

!macro customUnInstall
  ; settings.json, logs\ and state\ stay: an administrator wrote the first and may need the others after
  ; the uninstall or for a reinstall. scratch\ only ever holds a configuration export while it is read.
  SetShellVarContext all
  RMDir /r "$APPDATA\${PRODUCT_NAME}\scratch"
!macroend
